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

/// An ICC v2 RGB profile with gamma 2.2 curves and the colorants given
/// (D50 XYZ of red, green and blue), as a camera or an editor embeds one.
fn icc_profile(colorants: [[f64; 3]; 3]) -> Vec<u8> {
    icc_with(b"RGB ", &colorants)
}

/// An ICC v2 profile of colour space `space`: RGB with `colorants`, or
/// (with none) grey, with gamma 2.2 curves.
fn icc_with(space: &[u8; 4], colorants: &[[f64; 3]]) -> Vec<u8> {
    let fixed = |v: f64| ((v * 65536.0).round() as i32).to_be_bytes();
    let xyz = |[x, y, z]: [f64; 3]| {
        let mut tag = b"XYZ \0\0\0\0".to_vec();
        for v in [x, y, z] {
            tag.extend_from_slice(&fixed(v));
        }
        tag
    };
    // `curv` with one entry: a gamma of 2.2 as u8Fixed8, padded to 4 bytes.
    let curve = b"curv\0\0\0\0\0\0\0\x01\x02\x33\0\0".to_vec();
    let mut tags: Vec<(&[u8; 4], Vec<u8>)> = vec![(b"wtpt", xyz([0.9642, 1.0, 0.8249]))];
    match colorants {
        [red, green, blue] => tags.extend([
            (b"rXYZ", xyz(*red)),
            (b"gXYZ", xyz(*green)),
            (b"bXYZ", xyz(*blue)),
            (b"rTRC", curve.clone()),
            (b"gTRC", curve.clone()),
            (b"bTRC", curve),
        ]),
        _ => tags.push((b"kTRC", curve)),
    }
    let mut header = vec![0u8; 128];
    header[8..12].copy_from_slice(&0x0210_0000u32.to_be_bytes());
    header[12..16].copy_from_slice(b"mntr");
    header[16..20].copy_from_slice(space);
    header[20..24].copy_from_slice(b"XYZ ");
    header[36..40].copy_from_slice(b"acsp");
    for (i, v) in [0.9642, 1.0, 0.8249].into_iter().enumerate() {
        header[68 + i * 4..72 + i * 4].copy_from_slice(&fixed(v));
    }
    let mut table = (tags.len() as u32).to_be_bytes().to_vec();
    let mut data = Vec::new();
    let start = 128 + 4 + 12 * tags.len();
    for (signature, tag) in &tags {
        table.extend_from_slice(*signature);
        table.extend_from_slice(&((start + data.len()) as u32).to_be_bytes());
        table.extend_from_slice(&(tag.len() as u32).to_be_bytes());
        data.extend_from_slice(tag);
    }
    let mut profile = [header, table, data].concat();
    let size = (profile.len() as u32).to_be_bytes();
    profile[..4].copy_from_slice(&size);
    profile
}

#[test]
fn colours_meant_in_another_profile_are_published_as_srgb() {
    // sRGB's colorants (D50), red and green swapped: in this profile, the
    // pixel value "full red" means sRGB's green.
    let red = [0.4361, 0.2225, 0.0139];
    let green = [0.3851, 0.7169, 0.0971];
    let blue = [0.1431, 0.0606, 0.7141];
    let site = tempfile::tempdir().unwrap();
    let source = site.path().join("diagram.png");
    let pixels = image::RgbImage::from_pixel(64, 48, image::Rgb([255, 0, 0]));
    let mut png = Vec::new();
    let mut encoder = image::codecs::png::PngEncoder::new(&mut png);
    image::ImageEncoder::set_icc_profile(&mut encoder, icc_profile([green, red, blue])).unwrap();
    image::ImageEncoder::write_image(encoder, &pixels, 64, 48, image::ExtendedColorType::Rgb8)
        .unwrap();
    std::fs::write(&source, png).unwrap();
    let probe = probe(&source).unwrap();
    let variants = plan("diagram.png", &probe);
    let files = render(&source, &variants, &ImageCache::new(site.path())).unwrap();
    for file in files {
        let shown = image::open(&file).unwrap().into_rgb8();
        let [r, g, b] = shown.get_pixel(32, 24).0;
        assert!(
            r < 40 && g > 215 && b < 40,
            "{}: ({r}, {g}, {b}) should be green",
            file.display()
        );
    }
}

#[test]
fn a_grey_picture_with_a_grey_profile_stays_as_it_is() {
    let site = tempfile::tempdir().unwrap();
    let source = site.path().join("skiss.png");
    let pixels = image::GrayImage::from_fn(64, 48, |x, _| image::Luma([(x * 4) as u8]));
    let mut png = Vec::new();
    let mut encoder = image::codecs::png::PngEncoder::new(&mut png);
    image::ImageEncoder::set_icc_profile(&mut encoder, icc_with(b"GRAY", &[])).unwrap();
    image::ImageEncoder::write_image(encoder, &pixels, 64, 48, image::ExtendedColorType::L8)
        .unwrap();
    std::fs::write(&source, png).unwrap();
    let probe = probe(&source).unwrap();
    let variants = plan("skiss.png", &probe);
    let png_file = variants
        .iter()
        .position(|v| v.format == Format::Png)
        .unwrap();
    let files = render(&source, &variants, &ImageCache::new(site.path())).unwrap();
    let shown = image::open(&files[png_file]).unwrap().into_rgb8();
    for x in [0, 20, 63] {
        let grey = (x * 4) as u8;
        assert_eq!(shown.get_pixel(x, 10).0, [grey, grey, grey], "column {x}");
    }
}
