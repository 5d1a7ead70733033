module runorrest

go 1.26

require (
	github.com/evanw/esbuild v0.28.2
	github.com/yuin/goldmark v1.8.7
	go.yaml.in/yaml/v3 v3.0.6
)

require golang.org/x/sys v0.0.0-20220715151400-c0bba94af5f8 // indirect
