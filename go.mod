module runorrest

go 1.26
