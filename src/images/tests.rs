use super::*;

/// A photo-like JPEG without metadata.
fn photo(width: u32, height: u32) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x * y) % 251) as u8])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
        .encode_image(&picture)
        .unwrap();
    jpeg
}

#[test]
fn the_cache_is_used_only_when_its_files_are_what_it_recorded() {
    let site = tempfile::tempdir().unwrap();
    let source = site.path().join("bild.jpg");
    std::fs::write(&source, photo(700, 500)).unwrap();
    let probe = probe(&source).unwrap();
    let variants = plan("bild.jpg", &probe);
    let cache = ImageCache::new(site.path());
    let first = render(&source, &variants, &cache).unwrap();
    let hash = blake3::hash(&std::fs::read(&source).unwrap());
    assert!(variants.iter().all(|v| cache.get(&hash, v).is_some()));
    // A cached file replaced by other bytes is not taken.
    std::fs::write(&first[0], b"not the picture").unwrap();
    assert_eq!(cache.get(&hash, &variants[0]), None);
    let again = render(&source, &variants, &cache).unwrap();
    assert_ne!(std::fs::read(&again[0]).unwrap(), b"not the picture");
}

#[test]
fn small_pictures_are_not_enlarged_and_png_stays_png() {
    let site = tempfile::tempdir().unwrap();
    let source = site.path().join("logga.png");
    let picture = image::RgbaImage::from_pixel(300, 100, image::Rgba([10, 20, 30, 128]));
    picture.save(&source).unwrap();
    let probe = probe(&source).unwrap();
    let variants = plan("logga.png", &probe);
    let names: Vec<&str> = variants.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["logga-300.webp", "logga-300.png"]);
    assert_eq!(share("logga.png", &probe).width, 300);
}

#[test]
fn heic_is_named_as_such() {
    let site = tempfile::tempdir().unwrap();
    let source = site.path().join("IMG_0001.jpg");
    std::fs::write(&source, b"\0\0\0\x18ftypheic\0\0\0\0mif1heic").unwrap();
    assert_eq!(probe(&source), Err(ImageError::Heic));
}
