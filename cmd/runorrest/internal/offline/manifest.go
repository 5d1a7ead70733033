package offline

import "encoding/json"

// manifest is the web app manifest. Every URL in it is relative to the
// manifest itself, which sits at the root of the output, so the installed
// app opens the guide's start page wherever the guide is hosted.
type manifest struct {
	ID              string         `json:"id"`
	Name            string         `json:"name"`
	ShortName       string         `json:"short_name"`
	Description     string         `json:"description,omitempty"`
	Lang            string         `json:"lang"`
	Dir             string         `json:"dir"`
	StartURL        string         `json:"start_url"`
	Scope           string         `json:"scope"`
	Display         string         `json:"display"`
	ThemeColor      string         `json:"theme_color"`
	BackgroundColor string         `json:"background_color"`
	Icons           []manifestIcon `json:"icons"`
}

type manifestIcon struct {
	Src     string `json:"src"`
	Sizes   string `json:"sizes"`
	Type    string `json:"type"`
	Purpose string `json:"purpose"`
}

// encodeLangManifest gives the manifest of an extra language, in its
// folder: the app opens the language's home page, and its scope is the
// whole guide, so that the language switch stays in the app.
func encodeLangManifest(cfg Config, l LangConfig) ([]byte, error) {
	lc := cfg
	lc.Name, lc.ShortName, lc.Description, lc.Lang = l.Name, shortName(l.Name), l.Description, l.Lang
	return encode(lc, "../", "../")
}

// encodeManifest gives the manifest of a checked Config.
func encodeManifest(cfg Config) ([]byte, error) { return encode(cfg, "./", "") }

// encode writes a manifest whose scope is scope and whose icons are under
// up, both relative to the manifest.
func encode(cfg Config, scope, up string) ([]byte, error) {
	m := manifest{
		ID:              "./",
		Name:            cfg.Name,
		ShortName:       cfg.ShortName,
		Description:     cfg.Description,
		Lang:            cfg.Lang,
		Dir:             "ltr",
		StartURL:        "./",
		Scope:           scope,
		Display:         "standalone",
		ThemeColor:      cfg.ThemeColor,
		BackgroundColor: cfg.BackgroundColor,
	}
	for _, ic := range icons {
		if ic.purpose == "" {
			continue // not for the manifest (the apple-touch-icon)
		}
		m.Icons = append(m.Icons, manifestIcon{
			Src:     up + ic.path,
			Sizes:   ic.sizes(),
			Type:    "image/png",
			Purpose: ic.purpose,
		})
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}
