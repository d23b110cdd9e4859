//! Makes a PDF of the sample archive tagged, titled and with a language, so
//! the sample has a document that passes the accessibility checks
//! (`arkiv::documents`) beside ones that do not:
//!
//! ```text
//! cargo run --example tag_pdf -- content/x/y.pdf "Titel" sv-SE
//! ```
//!
//! Each page's content becomes one marked paragraph of the structure tree:
//! the least a tagged document has. A real document gets its tags from the
//! program that wrote it (Word's "Save as PDF" with document structure tags).

use lopdf::{Document, Object, dictionary};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path, title, language] = args.as_slice() else {
        return Err("usage: tag_pdf FILE.pdf TITLE LANGUAGE".into());
    };
    let mut document = Document::load(path)?;
    let pages: Vec<_> = document.get_pages().into_values().collect();
    let root_id = document.new_object_id();
    let mut kids = Vec::new();
    for (n, page_id) in pages.iter().enumerate() {
        let content = document.get_page_content(*page_id);
        let mut marked = b"/P <</MCID 0>> BDC\n".to_vec();
        marked.extend(content);
        marked.extend(b"\nEMC\n");
        document.change_page_content(*page_id, marked)?;
        let element = document.add_object(dictionary! {
            "Type" => "StructElem",
            "S" => "P",
            "P" => root_id,
            "Pg" => *page_id,
            "K" => 0,
        });
        kids.push(Object::Reference(element));
        let page = document.get_dictionary_mut(*page_id)?;
        page.set("StructParents", n as i64);
    }
    let structure = dictionary! { "Type" => "StructTreeRoot", "K" => kids };
    document
        .objects
        .insert(root_id, Object::Dictionary(structure));
    // The title it has is kept; one is given only where there is none.
    let has_title = document
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .and_then(|id| document.get_dictionary(id))
        .is_ok_and(|info| info.has(b"Title"));
    if !has_title {
        let info = document.add_object(dictionary! { "Title" => lopdf::text_string(title) });
        document.trailer.set("Info", info);
    }
    let catalog = document.catalog_mut()?;
    catalog.set("StructTreeRoot", root_id);
    catalog.set("MarkInfo", dictionary! { "Marked" => true });
    catalog.set("Lang", lopdf::text_string(language));
    catalog.set(
        "ViewerPreferences",
        dictionary! { "DisplayDocTitle" => true },
    );
    document.save(path)?;
    Ok(())
}
