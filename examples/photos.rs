//! Adds N news bundles with a phone-sized photo each to a site, for the
//! picture benchmark (`bench/photos`): 4000 × 3000 JPEGs at quality 90 with
//! an EXIF orientation and a GPS tag, as a phone writes them, with detail
//! enough that they compress like photos (about 2–4 MB each).
//!
//! cargo run --release --example photos -- <count> <site folder>

use std::fs;
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(count), Some(site)) = (args.get(1).and_then(|n| n.parse::<u32>().ok()), args.get(2))
    else {
        eprintln!("usage: photos <count> <site folder>");
        std::process::exit(2);
    };
    for n in 0..count {
        let dir = Path::new(site).join(format!("content/nyheter/2025-01-01-fotografi-{n:03}"));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("foto.jpg"), photo(n, 4000, 3000)).unwrap();
        fs::write(
            dir.join("index.md"),
            format!(
                "---\ntitle: Fotografi {n}\ndate: 2025-01-01\nsummary: En nyhet med ett foto.\n\
                 image: {{ src: foto.jpg, alt: Ett landskap i färg, credit: Illustration }}\n---\n\
                 Texten till bild {n}.\n\n![Samma landskap](foto.jpg \"Landskapet i januari\")\n"
            ),
        )
        .unwrap();
    }
}

/// A photo-like picture: smooth gradients, waves and fine noise.
fn photo(seed: u32, width: u32, height: u32) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(width, height, |x, y| {
        let noise = (x.wrapping_mul(7919) ^ y.wrapping_mul(104_729) ^ seed.wrapping_mul(31)) % 23;
        let wave = ((f64::from(x) / 97.0).sin() * 40.0 + (f64::from(y) / 61.0).cos() * 40.0) as i32;
        let channel = |base: u32, k: i32| -> u8 {
            let v = base as i32 + wave * k + noise as i32;
            v.clamp(0, 255) as u8
        };
        image::Rgb([
            channel(x * 200 / width + 20, 1),
            channel(y * 180 / height + 30, -1),
            channel((x + y + seed * 13) % 200 + 20, 1),
        ])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
        .encode_image(&picture)
        .unwrap();
    // EXIF: orientation 1 and a GPS latitude reference, after the start marker.
    let mut tiff = b"II*\0\x08\0\0\0\x02\0".to_vec();
    tiff.extend_from_slice(&[0x12, 0x01, 3, 0, 1, 0, 0, 0, 1, 0, 0, 0]);
    tiff.extend_from_slice(&[0x25, 0x88, 4, 0, 1, 0, 0, 0, 38, 0, 0, 0]);
    tiff.extend_from_slice(&[0, 0, 0, 0, 1, 0]);
    tiff.extend_from_slice(&[1, 0, 2, 0, 2, 0, 0, 0, b'N', 0, 0, 0, 0, 0, 0, 0]);
    let mut segment = vec![0xFF, 0xE1];
    segment.extend_from_slice(&u16::try_from(8 + tiff.len()).unwrap().to_be_bytes());
    segment.extend_from_slice(b"Exif\0\0");
    segment.extend_from_slice(&tiff);
    jpeg.splice(2..2, segment);
    jpeg
}
