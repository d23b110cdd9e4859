//! The editor at `/admin/` (`editor:` in site.yaml): Decap CMS, shipped with
//! the theme, configured from the content model, and the local backend
//! `arkiv serve` answers so an editor can work on the checkout.

mod common;

use arkiv::content::PageKind;
use arkiv::content::model::{self, KINDS, Value};
use common::{Fixture, Server};
use serde_json::json;

const EDITOR: &str = "\neditor: { backend: github, repo: goteborgsregionen/arkiv, branch: main }\n";

fn with_editor() -> Fixture {
    let fixture = Fixture::sample();
    common::copy_editor(&fixture.root);
    fixture.append("site.yaml", EDITOR);
    fixture
}

/// The configuration the build wrote, read back as YAML.
fn configuration(site: &common::Built) -> serde_yaml::Value {
    serde_yaml::from_str(&site.text("admin/config.yml")).unwrap()
}

fn collection<'a>(config: &'a serde_yaml::Value, name: &str) -> &'a serde_yaml::Value {
    config["collections"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no collection {name}"))
}

#[test]
fn the_editor_is_published_with_a_collection_per_kind_and_a_field_per_key() {
    let site = with_editor().build();
    let page = site.html("admin/index.html");
    assert_eq!(page.attrs("html", "lang"), ["sv"]);
    assert_eq!(
        page.attrs("meta[name=robots]", "content"),
        ["noindex, nofollow"]
    );
    assert_eq!(page.attrs("script[src]", "src"), ["decap-cms.js"]);
    assert!(site.has("admin/decap-cms.js") && site.has("admin/LICENSE"));
    let config = configuration(&site);
    assert_eq!(config["backend"]["name"], "github");
    assert_eq!(config["backend"]["repo"], "goteborgsregionen/arkiv");
    assert_eq!(config["publish_mode"], "editorial_workflow");
    assert_eq!(config["locale"], "sv");
    // Published, the editor asks for a local backend only when opened from
    // this computer; `arkiv serve` builds it with its own.
    assert_eq!(config["local_backend"], true);
    let names: Vec<&str> = config["collections"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "nyheter",
            "konferenser",
            "presentationer",
            "anteckningar",
            "program",
            "sidor"
        ]
    );
    // Every key of every kind has its field, required as arkiv requires it.
    for kind in KINDS {
        let folder = kind
            .folder()
            .map_or("content".to_string(), |f| format!("content/{f}"));
        let collection = config["collections"]
            .as_sequence()
            .unwrap()
            .iter()
            .find(|c| c["folder"] == folder.as_str())
            .unwrap();
        let fields = collection["fields"].as_sequence().unwrap();
        // A plain page is one file in the editor, with no folder for attachments.
        let fields_of = model::fields(kind);
        let keys = fields_of
            .iter()
            .filter(|f| kind != PageKind::Plain || f.key != "attachments");
        for field in keys {
            let found = fields
                .iter()
                .find(|f| f["name"] == field.key)
                .unwrap_or_else(|| panic!("{kind:?} has no field {}", field.key));
            assert_eq!(found["required"], field.required, "{kind:?} {}", field.key);
            if let Value::List(_) | Value::Object(_) = field.value {
                assert!(
                    found["fields"].as_sequence().is_some(),
                    "{kind:?} {}",
                    field.key
                );
            }
        }
        assert!(
            fields
                .iter()
                .any(|f| f["name"] == "body" && f["widget"] == "markdown")
        );
    }
    // Dated kinds are named as `arkiv new` names them, and are bundles.
    let news = collection(&config, "nyheter");
    assert_eq!(news["slug"], "{{year}}-{{month}}-{{day}}-{{slug}}");
    assert_eq!(news["path"], "{{slug}}/index");
    assert_eq!(news["media_folder"], "");
    // site.yaml's municipalities are a choice; topics, without terms, free.
    let fields = news["fields"].as_sequence().unwrap();
    let municipalities = fields
        .iter()
        .find(|f| f["name"] == "municipalities")
        .unwrap();
    assert_eq!(municipalities["widget"], "select");
    assert_eq!(municipalities["multiple"], true);
    assert_eq!(municipalities["options"].as_sequence().unwrap().len(), 13);
    let topics = fields.iter().find(|f| f["name"] == "topics").unwrap();
    assert_eq!(topics["widget"], "list");
    // A picture's alt text is asked for; inside the optional `image:` the
    // editor cannot require it (Decap CMS would then refuse every page
    // without a picture): the build does.
    let image = fields.iter().find(|f| f["name"] == "image").unwrap();
    let alt = &image["fields"].as_sequence().unwrap()[1];
    assert_eq!(alt["name"], "alt");
    assert_eq!(alt["required"], false);
    assert!(alt["hint"].as_str().unwrap().starts_with("Krävs"));
    // In a list, an item's required keys are required.
    let contacts = fields.iter().find(|f| f["name"] == "contacts").unwrap();
    assert_eq!(
        contacts["fields"].as_sequence().unwrap()[0]["required"],
        true
    );
    let programme = fields.iter().find(|f| f["name"] == "programme").unwrap();
    assert_eq!(programme["widget"], "relation");
    assert_eq!(programme["collection"], "program");
    // Meeting notes: the network and note takers, not a free map.
    let notes = collection(&config, "anteckningar")["fields"]
        .as_sequence()
        .unwrap();
    let extra = notes.iter().find(|f| f["name"] == "extra").unwrap();
    let keys: Vec<&str> = extra["fields"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["network", "note_takers"]);
    // Not for search engines, nor for the site's search.
    assert!(!site.text("sitemap.xml").contains("/admin/"));
    let entry: serde_json::Value =
        serde_json::from_str(&site.text("pagefind/pagefind-entry.json")).unwrap();
    let plain = Fixture::sample().build();
    let without: serde_json::Value =
        serde_json::from_str(&plain.text("pagefind/pagefind-entry.json")).unwrap();
    assert_eq!(
        entry["languages"]["sv"]["page_count"],
        without["languages"]["sv"]["page_count"]
    );
    assert!(
        !plain.has("admin/index.html"),
        "no editor without `editor:`"
    );
}

#[test]
fn gitea_has_no_editorial_workflow_and_a_host_of_its_own() {
    let fixture = Fixture::sample();
    common::copy_editor(&fixture.root);
    fixture.append(
        "site.yaml",
        "\neditor: { backend: gitea, repo: gr/arkiv, api_root: \"https://git.example.se/api/v1\" }\n",
    );
    let config = configuration(&fixture.build());
    assert_eq!(config["backend"]["name"], "gitea");
    assert_eq!(
        config["backend"]["api_root"],
        "https://git.example.se/api/v1"
    );
    assert!(config.get("publish_mode").is_none());
}

#[test]
fn a_theme_without_decap_cms_is_an_error_that_says_how_to_install_it() {
    let fixture = with_editor();
    std::fs::remove_dir_all(fixture.root.join("themes/gr/editor")).unwrap();
    let errors = common::render(&fixture.build_errors());
    assert!(errors.contains("no copy of Decap CMS"), "{errors}");
    assert!(errors.contains("scripts/install-editor"), "{errors}");
}

/// Posts `body` to the editor's backend of `server`, with `origin` as the
/// `Origin` header (none when `None`).
fn post(server: &Server, origin: Option<&str>, body: serde_json::Value) -> (u16, String) {
    let body = body.to_string();
    let origin = origin
        .map(|o| format!("Origin: {o}\r\n"))
        .unwrap_or_default();
    let headers = format!(
        "{origin}Content-Type: application/json\r\nContent-Length: {}\r\n",
        body.len()
    );
    let (status, response) = server.raw_with_body("POST /api/v1 HTTP/1.1", &headers, &body);
    let body = response.split("\r\n\r\n").nth(1).unwrap_or_default();
    (status, body.to_string())
}

#[test]
fn serve_answers_the_editor_from_this_computer_and_writes_under_content_only() {
    let fixture = with_editor();
    let server = Server::start_with_args(&fixture, &["--editor"]);
    let own = format!("http://{}", server.address());
    let (status, body) = post(&server, Some(&own), json!({ "action": "info" }));
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("local_fs"), "{body}");
    // Not from another site's page, and not without an Origin.
    assert_eq!(
        post(
            &server,
            Some("http://evil.example"),
            json!({ "action": "info" })
        )
        .0,
        403
    );
    assert_eq!(post(&server, None, json!({ "action": "info" })).0, 403);
    let (status, body) = post(
        &server,
        Some(&own),
        json!({ "action": "entriesByFolder", "params": { "branch": "main", "folder": "content/nyheter", "extension": "md", "depth": 2 } }),
    );
    assert_eq!(status, 200);
    assert!(
        body.contains("content/nyheter/2016-04-20-gr-kartlagger"),
        "{body}"
    );
    // A new page, written as the editor writes it, is served as any edit is.
    let raw = "---\ntitle: Skrivet i redigeringsverktyget\ndate: 2026-11-20\n---\n\nHej.\n";
    let (status, body) = post(
        &server,
        Some(&own),
        json!({ "action": "persistEntry", "params": {
            "branch": "main",
            "dataFiles": [{ "path": "content/nyheter/2026-11-20-skrivet/index.md", "raw": raw, "slug": "2026-11-20-skrivet" }],
            "assets": [],
            "options": { "commitMessage": "Ny nyhet", "useWorkflow": false, "status": "" } } }),
    );
    assert_eq!(status, 200, "{body}");
    server.wait_for("/nyheter/skrivet/", "the new page", |status, body| {
        status == 200 && body.contains("Skrivet i redigeringsverktyget")
    });
    for outside in [
        "site.yaml",
        "content/../site.yaml",
        "themes/gr/templates/base.html",
    ] {
        let (status, _) = post(
            &server,
            Some(&own),
            json!({ "action": "persistEntry", "params": { "branch": "main",
                "dataFiles": [{ "path": outside, "raw": "x", "slug": "x" }], "assets": [],
                "options": { "commitMessage": "x", "useWorkflow": false, "status": "" } } }),
        );
        assert_eq!(status, 403, "{outside}");
    }
    assert!(fixture.read("site.yaml").contains("editor:"));
}

#[test]
fn without_editor_in_site_yaml_or_serve_editor_serve_writes_nothing() {
    let fixture = Fixture::sample();
    let server = Server::start_with_args(&fixture, &["--editor"]);
    let own = format!("http://{}", server.address());
    assert_eq!(
        post(&server, Some(&own), json!({ "action": "info" })).0,
        404
    );
    // site.yaml alone, as a pull request could write it, does not turn it on.
    let fixture = with_editor();
    let server = Server::start(&fixture);
    let own = format!("http://{}", server.address());
    let (status, body) = post(&server, Some(&own), json!({ "action": "info" }));
    assert_eq!(status, 404);
    assert!(body.contains("--editor"), "{body}");
}

#[test]
fn built_for_this_computer_each_entry_leads_to_its_page_as_serve_shows_it() {
    let fixture = with_editor();
    let opts = arkiv::BuildOptions {
        base_url: Some("http://127.0.0.1:4000/".into()),
        ..fixture.options()
    };
    let site = fixture.build_with(opts);
    let config = configuration(&site);
    assert_eq!(
        config["local_backend"]["url"],
        "http://127.0.0.1:4000/api/v1"
    );
    assert_eq!(
        collection(&config, "nyheter")["preview_path"],
        "admin/sida/?fil=nyheter/{{dirname}}/{{filename}}"
    );
    // A date in the file's name and a slug of its own are the site's to know.
    let to_page = site.text("admin/sida/index.html");
    assert!(to_page.contains(
        r#""nyheter/2019-03-13-socialstyrelsens-generaldirektor-besokte-gr/index":"/nyheter/socialstyrelsens-generaldirektor-besokte-gr/""#
    ), "{to_page}");
    assert!(
        to_page.contains(r#""kontakt.en":"/en/contact/""#),
        "{to_page}"
    );
    // Published, there is no such page, and no link to it.
    let published = with_editor().build();
    assert!(!published.has("admin/sida/index.html"));
    assert!(
        collection(&configuration(&published), "nyheter")
            .get("preview_path")
            .is_none()
    );
}
