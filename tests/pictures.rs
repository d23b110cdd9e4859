//! Pictures as a page publishes them: widths and formats, upright, without
//! the phone's metadata, `<picture>` and `<figure>` in the page, `og:image`,
//! the original only when listed, and the cache.

mod common;

use common::Fixture;

const PAGE: &str = "content/nyheter/2024-03-01-bilder/index.md";
const OUT: &str = "nyheter/bilder/";

/// A TIFF block of EXIF data with orientation `orientation` and a GPS
/// latitude reference, as a phone writes with a position.
fn exif_block(orientation: u16) -> Vec<u8> {
    let entry = |tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        let mut e = tag.to_le_bytes().to_vec();
        e.extend_from_slice(&kind.to_le_bytes());
        e.extend_from_slice(&count.to_le_bytes());
        e.extend_from_slice(&value);
        e
    };
    let mut tiff = b"II*\0\x08\0\0\0".to_vec();
    tiff.extend_from_slice(&2u16.to_le_bytes());
    let [o1, o2] = orientation.to_le_bytes();
    tiff.extend(entry(0x0112, 3, 1, [o1, o2, 0, 0]));
    // The GPS directory follows IFD0's two entries and its next-IFD offset.
    tiff.extend(entry(0x8825, 4, 1, 38u32.to_le_bytes()));
    tiff.extend_from_slice(&0u32.to_le_bytes());
    tiff.extend_from_slice(&1u16.to_le_bytes());
    tiff.extend(entry(0x0001, 2, 2, *b"N\0\0\0"));
    tiff.extend_from_slice(&0u32.to_le_bytes());
    tiff
}

/// A photo-like JPEG, `width` × `height` as stored, with EXIF data.
fn phone_photo(width: u32, height: u32, orientation: u16) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(width, height, |x, y| {
        let noise = ((x * 7919 + y * 104_729) % 61) as u8;
        image::Rgb([
            (x * 255 / width) as u8 ^ noise,
            (y * 255 / height) as u8,
            ((x + y) % 256) as u8 / 2 + noise,
        ])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
        .encode_image(&picture)
        .unwrap();
    let exif = exif_block(orientation);
    let mut segment = vec![0xFF, 0xE1];
    segment.extend_from_slice(&u16::try_from(2 + 6 + exif.len()).unwrap().to_be_bytes());
    segment.extend_from_slice(b"Exif\0\0");
    segment.extend_from_slice(&exif);
    jpeg.splice(2..2, segment);
    jpeg
}

fn has_gps(bytes: &[u8]) -> bool {
    exif::Reader::new()
        .read_from_container(&mut std::io::Cursor::new(bytes))
        .is_ok_and(|found| {
            found
                .fields()
                .any(|f| f.tag.context() == exif::Context::Gps)
        })
}

/// A news bundle with a photo as its picture, a photo alone in a paragraph
/// with a caption, one inside running text, and a listed attachment.
fn site(listing: &str) -> Fixture {
    let fixture = Fixture::sample();
    let dir = fixture.root.join("content/nyheter/2024-03-01-bilder");
    std::fs::create_dir_all(&dir).unwrap();
    // Stored 2000 × 1200, turned a quarter by its EXIF: shown 1200 × 2000.
    std::fs::write(dir.join("portratt.jpg"), phone_photo(2000, 1200, 6)).unwrap();
    std::fs::write(dir.join("mote.jpg"), phone_photo(1800, 1200, 1)).unwrap();
    std::fs::write(dir.join("karta.jpg"), phone_photo(600, 400, 1)).unwrap();
    fixture.write(
        PAGE,
        &format!(
            "---\ntitle: Bilder\ndate: 2024-03-01\nsummary: Tre bilder.\n\
             image: {{ src: portratt.jpg, alt: En person på ett kontor, caption: Besöket i mars, credit: Illustration }}\n\
             attachments:\n  - {{ file: karta.jpg, title: Kartan{listing} }}\n---\n\
             ![Två personer vid ett bord](mote.jpg \"Mötet i Mölndal\")\n\n\
             Kartan ![karta över regionen](karta.jpg) visar var.\n"
        ),
    );
    fixture
}

#[test]
fn photos_are_published_upright_in_widths_and_formats_without_their_position() {
    let built = site("").build();
    let out = |name: &str| built.output.join(OUT).join(name);
    for (name, size) in [
        ("portratt-480.jpg", (480, 800)),
        ("portratt-960.jpg", (960, 1600)),
        ("portratt-1200.jpg", (1200, 2000)),
        ("mote-1600.jpg", (1600, 1067)),
        ("mote-960.jpg", (960, 640)),
    ] {
        let bytes = std::fs::read(out(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let shown = image::load_from_memory(&bytes).unwrap();
        assert_eq!((shown.width(), shown.height()), size, "{name}");
    }
    // WebP beside every JPEG, and smaller than it.
    for width in [480, 960, 1200] {
        let webp = std::fs::metadata(out(&format!("portratt-{width}.webp")))
            .unwrap()
            .len();
        let jpeg = std::fs::metadata(out(&format!("portratt-{width}.jpg")))
            .unwrap()
            .len();
        assert!(webp < jpeg, "{width}: WebP {webp} bytes, JPEG {jpeg} bytes");
    }
    // No published file keeps the position; the originals are not published,
    // but the listed attachment is, encoded again.
    assert!(!built.has(&format!("{OUT}portratt.jpg")));
    assert!(!built.has(&format!("{OUT}mote.jpg")));
    assert!(
        !built.has(&format!("{OUT}mote-1200.jpg")),
        "only the page's own picture has a file for sharing"
    );
    for entry in std::fs::read_dir(built.output.join(OUT)).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            !has_gps(&bytes),
            "{} keeps the GPS position",
            path.display()
        );
    }
    let karta = std::fs::read(out("karta.jpg")).unwrap();
    assert_eq!(image::load_from_memory(&karta).unwrap().width(), 600);
}

#[test]
fn a_listed_original_is_kept_as_it_is_only_when_asked() {
    let fixture = site(", keep_original: true");
    let original = std::fs::read(
        fixture
            .root
            .join("content/nyheter/2024-03-01-bilder/karta.jpg"),
    )
    .unwrap();
    let built = fixture.build();
    assert_eq!(
        std::fs::read(built.output.join(OUT).join("karta.jpg")).unwrap(),
        original
    );
}

#[test]
fn pages_show_pictures_with_widths_sizes_and_captions() {
    let built = site("").build();
    let page = built.html(&format!("{OUT}index.html"));
    // The page's own picture, at the top, with its caption and credit.
    let hero = ".article > figure";
    assert_eq!(
        page.texts(&format!("{hero} figcaption")),
        ["Besöket i mars Illustration"]
    );
    assert_eq!(page.attrs(&format!("{hero} img"), "width"), ["1200"]);
    assert_eq!(page.attrs(&format!("{hero} img"), "height"), ["2000"]);
    // A picture alone in its paragraph with a title: a figure, lazily loaded.
    let figure = ".prose figure";
    assert_eq!(
        page.texts(&format!("{figure} figcaption")),
        ["Mötet i Mölndal"]
    );
    assert_eq!(
        page.attrs(&format!("{figure} img"), "alt"),
        ["Två personer vid ett bord"]
    );
    assert_eq!(page.attrs(&format!("{figure} img"), "loading"), ["lazy"]);
    let webp = page.attrs(&format!("{figure} source"), "srcset");
    assert_eq!(
        webp,
        [
            "/nyheter/bilder/mote-480.webp 480w, /nyheter/bilder/mote-960.webp 960w, /nyheter/bilder/mote-1600.webp 1600w"
        ]
    );
    // A picture in running text stays in its paragraph.
    assert_eq!(
        page.attrs(".prose p picture img", "alt"),
        ["karta över regionen"]
    );
    assert_eq!(page.attrs(".prose p picture img", "width"), ["600"]);
    // Shared on social media: the 1200 px JPEG at an absolute address.
    assert_eq!(
        page.attrs("meta[property='og:image']", "content"),
        ["https://arkiv.goteborgsregionen.se/nyheter/bilder/portratt-1200.jpg"]
    );
    assert_eq!(
        page.attrs("meta[name='twitter:card']", "content"),
        ["summary_large_image"]
    );
}

#[test]
fn a_second_build_takes_every_picture_from_the_cache() {
    let fixture = site("");
    fixture.build();
    let cache = fixture.root.join(".arkiv-cache/images");
    let made: Vec<_> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (e.file_name(), e.metadata().unwrap().modified().unwrap())
        })
        .collect();
    assert!(made.len() > 20, "{} cached files", made.len());
    // Another output folder: every file is written, none encoded again.
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("ut");
    let output = fixture.run(&["build", "--output", out.to_str().unwrap()]);
    assert!(output.status.success());
    assert!(out.join(OUT).join("mote-1600.webp").is_file());
    for (name, modified) in made {
        let now = std::fs::metadata(cache.join(&name))
            .unwrap()
            .modified()
            .unwrap();
        assert_eq!(now, modified, "{name:?} was made again");
    }
}

#[test]
fn a_heic_photo_is_a_located_error_with_a_way_out() {
    let fixture = site("");
    let dir = fixture.root.join("content/nyheter/2024-03-01-bilder");
    std::fs::write(
        dir.join("IMG_0001.heic"),
        b"\0\0\0\x18ftypheic\0\0\0\0mif1heic",
    )
    .unwrap();
    fixture.write(
        PAGE,
        &fixture
            .read(PAGE)
            .replace("Kartan ![", "![Från mobilen](IMG_0001.heic)\n\nKartan !["),
    );
    let output = fixture.run(&["check", "--format", "github"]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("file=content/nyheter/2024-03-01-bilder/index.md,line=11,col=1::`IMG_0001.heic` is a HEIC picture"),
        "{text}"
    );
    assert!(text.contains("export it as JPEG"), "{text}");
}

#[test]
fn a_picture_outside_bundles_is_published_without_its_position() {
    let fixture = site("");
    std::fs::create_dir_all(fixture.root.join("content/bilder")).unwrap();
    std::fs::write(
        fixture.root.join("content/bilder/gemensam.jpg"),
        phone_photo(300, 200, 1),
    )
    .unwrap();
    fixture.append(PAGE, "\n![Gemensam bild](/bilder/gemensam.jpg)\n");
    let built = fixture.build();
    let bytes = std::fs::read(built.output.join("bilder/gemensam.jpg")).unwrap();
    assert!(!has_gps(&bytes), "the position is gone");
    assert_eq!(image::load_from_memory(&bytes).unwrap().width(), 300);
}

#[test]
fn a_caption_that_repeats_the_alt_text_is_a_warning() {
    let fixture = site("");
    fixture.write(
        PAGE,
        &fixture
            .read(PAGE)
            .replace("\"Mötet i Mölndal\"", "\"Två personer vid ett bord.\""),
    );
    let output = fixture.run(&["check", "--format", "github"]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("index.md,line=9,col=1::the caption only repeats the picture's alt text"),
        "{text}"
    );
}

#[test]
fn a_picture_outside_the_pages_folder_is_published_stripped_and_check_says_to_move_it() {
    let fixture = site("");
    std::fs::create_dir_all(fixture.root.join("content/bilder")).unwrap();
    std::fs::write(
        fixture.root.join("content/bilder/karta.jpg"),
        phone_photo(800, 600, 1),
    )
    .unwrap();
    fixture.append(PAGE, "\n![Karta över regionen](../../bilder/karta.jpg)\n");
    let built = fixture.build();
    let published = std::fs::read(built.output.join("bilder/karta.jpg")).unwrap();
    assert!(!has_gps(&published));
    let output = fixture.run(&["check", "--format", "github"]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("index.md,line=13,col=1::this picture is outside the page's folder"),
        "{text}"
    );
}
