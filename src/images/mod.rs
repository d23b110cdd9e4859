//! Pictures as a page publishes them: in a few widths, WebP beside a JPEG
//! (or PNG) fallback, upright, and without the metadata a phone writes.
//!
//! In: a picture's file. Out: `probe` says its size as shown (EXIF
//! orientation applied) from its header alone; `plan` names the widths and
//! files to publish; `render` makes them, or takes them from the cache in
//! `.arkiv-cache/images/`, which is keyed by the source's hash and checked
//! before use. Encoded files carry no EXIF, XMP or ICC data: GPS positions
//! and camera serial numbers never reach the web. It never decides which
//! pictures a page publishes (`index::files` does) nor writes the output.

use std::fs;
use std::io::{BufReader, Read, Seek};
use std::path::{Path, PathBuf};

use image::{DynamicImage, ImageDecoder, ImageReader, metadata::Orientation};

mod cache;
mod encode;
pub mod markup;

pub use cache::ImageCache;
pub use markup::{Picture, figure, repeats};

/// The widths a picture is published in (never wider than it is).
pub const WIDTHS: [u32; 3] = [480, 960, 1600];

/// The width of the picture shared on social media (`og:image`).
pub const SHARE_WIDTH: u32 = 1200;

/// Pictures larger than this many pixels are refused rather than decoded:
/// a stranger's 30 000 × 30 000 PNG would take gigabytes.
const MAX_PIXELS: u64 = 80_000_000;

/// The extensions of the pictures arkiv resizes.
const RASTER: [&str; 4] = ["jpg", "jpeg", "png", "webp"];

/// True when `name` is a picture arkiv publishes in several widths.
pub fn is_raster(name: &str) -> bool {
    let extension = name.rsplit_once('.').map_or("", |(_, e)| e);
    RASTER.iter().any(|r| r.eq_ignore_ascii_case(extension))
}

/// The format a published file is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// Lossy WebP, for browsers that take it (all current ones).
    Webp,
    /// JPEG, the fallback for photos.
    Jpeg,
    /// PNG, the fallback for pictures with transparency or drawn in PNG.
    Png,
}

impl Format {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Webp => "webp",
            Format::Jpeg => "jpg",
            Format::Png => "png",
        }
    }
}

/// A picture's size as shown, and the format of its fallback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Probe {
    /// Width in pixels, after the EXIF orientation.
    pub width: u32,
    /// Height in pixels, after the EXIF orientation.
    pub height: u32,
    /// JPEG for photos, PNG for PNG sources (which may be transparent).
    pub fallback: Format,
}

/// Why a picture cannot be published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageError {
    /// An iPhone's HEIC/HEIF, which browsers and arkiv cannot read.
    Heic,
    /// Not a picture arkiv can read, or a broken one.
    Unreadable(String),
    /// Larger than `MAX_PIXELS`.
    TooLarge { width: u32, height: u32 },
}

/// The size and fallback format of the picture at `path`, from its header
/// and its EXIF orientation, without reading the rest of the file.
pub fn probe(path: &Path) -> Result<Probe, ImageError> {
    let unreadable = |e: &dyn std::fmt::Display| ImageError::Unreadable(e.to_string());
    let mut file = fs::File::open(path).map_err(|e| unreadable(&e))?;
    if is_heic(&mut file) {
        return Err(ImageError::Heic);
    }
    let mut head = Vec::with_capacity(HEADER_BYTES);
    (&mut file)
        .take(HEADER_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(|e| unreadable(&e))?;
    let format = imagesize::image_type(&head).map_err(|e| unreadable(&e))?;
    file.rewind().map_err(|e| unreadable(&e))?;
    let size = imagesize::reader_size(BufReader::new(&mut file)).map_err(|e| unreadable(&e))?;
    let (width, height) = (
        u32::try_from(size.width).unwrap_or(u32::MAX),
        u32::try_from(size.height).unwrap_or(u32::MAX),
    );
    if width == 0 || height == 0 {
        return Err(ImageError::Unreadable("no pixels".into()));
    }
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(ImageError::TooLarge { width, height });
    }
    let _ = file.rewind();
    let turned = matches!(exif_orientation(&mut file), Some(5..=8));
    let (width, height) = if turned {
        (height, width)
    } else {
        (width, height)
    };
    let fallback = match format {
        imagesize::ImageType::Png => Format::Png,
        imagesize::ImageType::Jpeg | imagesize::ImageType::Webp => Format::Jpeg,
        _ => return Err(ImageError::Unreadable(format!("{format:?}"))),
    };
    Ok(Probe {
        width,
        height,
        fallback,
    })
}

/// How much of a file `probe` reads to tell its format.
const HEADER_BYTES: usize = 64;

/// The EXIF orientation (1–8) of the picture in `file`, if it has one;
/// 5–8 turn it a quarter.
fn exif_orientation(file: &mut fs::File) -> Option<u32> {
    let exif = exif::Reader::new()
        .read_from_container(&mut BufReader::new(file))
        .ok()?;
    exif.get_field(exif::Tag::Orientation, exif::In::PRIMARY)?
        .value
        .get_uint(0)
}

/// True for an ISO media file of the HEIF family (`ftypheic`, `ftypmif1`…).
fn is_heic(file: &mut fs::File) -> bool {
    let mut head = [0u8; 12];
    let is = file.read_exact(&mut head).is_ok()
        && &head[4..8] == b"ftyp"
        && matches!(
            &head[8..12],
            b"heic" | b"heix" | b"hevc" | b"hevx" | b"mif1" | b"msf1" | b"heim" | b"heis"
        );
    let _ = file.rewind();
    is
}

/// One file to publish of a picture.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Variant {
    /// Its name beside the source's: `bild.jpg` → `bild-960.webp`.
    pub name: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Its format.
    pub format: Format,
}

/// The files a picture named `name` (as its page names it, `bild.jpg` or
/// `bilder/bild.jpg`) is published as: each of `WIDTHS` narrower than the
/// picture, and the picture's own width up to the widest, in WebP and in
/// the fallback format; narrowest first, WebP before the fallback.
pub fn plan(name: &str, probe: &Probe) -> Vec<Variant> {
    let widest = WIDTHS[WIDTHS.len() - 1];
    let mut widths: Vec<u32> = WIDTHS.into_iter().filter(|w| *w < probe.width).collect();
    if probe.width <= widest {
        widths.push(probe.width);
    }
    let mut variants = Vec::new();
    for width in widths {
        for format in [Format::Webp, probe.fallback] {
            variants.push(variant(name, probe, width, format));
        }
    }
    variants
}

/// The JPEG (or PNG) shared on social media: `SHARE_WIDTH` wide, or the
/// picture's own width if it is narrower.
pub fn share(name: &str, probe: &Probe) -> Variant {
    variant(name, probe, SHARE_WIDTH.min(probe.width), probe.fallback)
}

fn variant(name: &str, probe: &Probe, width: u32, format: Format) -> Variant {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let height = scaled_height(probe, width);
    Variant {
        name: format!("{stem}-{width}.{}", format.extension()),
        width,
        height,
        format,
    }
}

fn scaled_height(probe: &Probe, width: u32) -> u32 {
    let height = (u64::from(probe.height) * u64::from(width) + u64::from(probe.width) / 2)
        / u64::from(probe.width.max(1));
    u32::try_from(height).unwrap_or(u32::MAX).max(1)
}

/// Makes `variants` of the picture at `source` (or finds them in `cache`)
/// and hands back, for each, the file that holds it. The picture is
/// decoded at most once, and only when a variant is not cached.
pub fn render(
    source: &Path,
    variants: &[Variant],
    cache: &ImageCache,
) -> Result<Vec<PathBuf>, ImageError> {
    let hash = cache
        .source_hash(source)
        .map_err(|e| ImageError::Unreadable(e.to_string()))?;
    let mut files: Vec<Option<PathBuf>> = variants.iter().map(|v| cache.get(&hash, v)).collect();
    let mut missing: Vec<usize> = (0..variants.len())
        .filter(|&n| files[n].is_none())
        .collect();
    if missing.is_empty() {
        return Ok(files.into_iter().flatten().collect());
    }
    let bytes = fs::read(source).map_err(|e| ImageError::Unreadable(e.to_string()))?;
    // Widest first, each size made once (WebP and JPEG share it), each from
    // the smallest one already made that is larger: resizing 12 megapixels
    // once, not for every file.
    missing.sort_by_key(|&n| std::cmp::Reverse(variants[n].width));
    let full = decode_upright(&bytes)?;
    let mut sizes: Vec<DynamicImage> = Vec::new();
    for n in missing {
        let variant = &variants[n];
        let made = sizes
            .iter()
            .find(|s| s.width() == variant.width && s.height() == variant.height);
        let pixels = match made {
            Some(pixels) => pixels,
            None if full.width() == variant.width && full.height() == variant.height => &full,
            None => {
                let from = sizes.last().unwrap_or(&full);
                let pixels = encode::resized(from, variant.width, variant.height)?;
                sizes.push(pixels);
                sizes.last().expect("just pushed")
            }
        };
        let encoded = encode::encode(pixels, variant)?;
        let path = cache
            .put(&hash, variant, &encoded)
            .map_err(|e| ImageError::Unreadable(e.to_string()))?;
        files[n] = Some(path);
    }
    Ok(files.into_iter().flatten().collect())
}

/// The picture's pixels as they are meant to be seen: EXIF orientation
/// applied, as 8-bit RGB (or RGBA where it has transparency).
fn decode_upright(bytes: &[u8]) -> Result<DynamicImage, ImageError> {
    let unreadable = |e: image::ImageError| ImageError::Unreadable(e.to_string());
    let mut decoder = ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| ImageError::Unreadable(e.to_string()))?
        .into_decoder()
        .map_err(unreadable)?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let profile = decoder.icc_profile().ok().flatten();
    let mut picture = DynamicImage::from_decoder(decoder).map_err(unreadable)?;
    picture.apply_orientation(orientation);
    let mut picture = if picture.color().has_alpha() {
        DynamicImage::ImageRgba8(picture.into_rgba8())
    } else {
        DynamicImage::ImageRgb8(picture.into_rgb8())
    };
    if let Some(profile) = profile {
        to_srgb(&mut picture, &profile);
    }
    Ok(picture)
}

/// Converts `picture`, whose colours are meant in the ICC `profile`, to
/// sRGB: the published files carry no profile, and a browser shows colours
/// without one as sRGB. A wide-gamut photo (Display P3, Adobe RGB) would
/// otherwise look dull. A profile that is sRGB already, or that cannot be
/// read, or is not an RGB one, leaves the picture as it is.
fn to_srgb(picture: &mut DynamicImage, profile: &[u8]) {
    // The pixels are RGB by now: a grey or CMYK profile does not describe them.
    if profile.get(16..20) != Some(b"RGB ") {
        return;
    }
    let Some(source) = qcms::Profile::new_from_slice(profile, false) else {
        return;
    };
    if source.is_sRGB() {
        return;
    }
    let mut srgb = qcms::Profile::new_sRGB();
    srgb.precache_output_transform();
    let (kind, pixels): (qcms::DataType, &mut [u8]) = match picture {
        DynamicImage::ImageRgb8(pixels) => (qcms::DataType::RGB8, pixels),
        DynamicImage::ImageRgba8(pixels) => (qcms::DataType::RGBA8, pixels),
        _ => return,
    };
    if let Some(transform) = qcms::Transform::new(&source, &srgb, kind, qcms::Intent::Perceptual) {
        transform.apply(pixels);
    }
}

/// One published file of a picture, made when it is written or asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PictureFile {
    /// The picture under content/.
    pub source: PathBuf,
    /// Which file of it.
    pub variant: Variant,
    /// Where made files are kept.
    pub cache: ImageCache,
}

impl PictureFile {
    /// The file that holds this variant, made (and kept) if need be.
    pub fn path(&self) -> Result<PathBuf, ImageError> {
        let mut files = render(
            &self.source,
            std::slice::from_ref(&self.variant),
            &self.cache,
        )?;
        files
            .pop()
            .ok_or_else(|| ImageError::Unreadable("no file".into()))
    }
}

/// Makes every variant of `pictures` that is not cached, each source decoded
/// once, sources in parallel, so the writes that follow find them made.
pub fn prepare<'a>(pictures: impl Iterator<Item = &'a PictureFile>) {
    use rayon::prelude::*;
    let mut by_source: std::collections::BTreeMap<&Path, (&ImageCache, Vec<Variant>)> =
        std::collections::BTreeMap::new();
    for picture in pictures {
        by_source
            .entry(picture.source.as_path())
            .or_insert_with(|| (&picture.cache, Vec::new()))
            .1
            .push(picture.variant.clone());
    }
    let work: Vec<_> = by_source.into_iter().collect();
    work.par_iter().for_each(|(source, (cache, variants))| {
        // A picture that fails here fails again, with its error, when written.
        let _ = render(source, variants, cache);
    });
}

/// The format of a picture published at its own name: its extension's.
pub fn format_of(name: &str) -> Format {
    let extension = name
        .rsplit_once('.')
        .map_or("", |(_, e)| e)
        .to_ascii_lowercase();
    match extension.as_str() {
        "png" => Format::Png,
        "webp" => Format::Webp,
        _ => Format::Jpeg,
    }
}

/// The picture at its own name and size, encoded again without metadata.
pub fn original(name: &str, probe: &Probe) -> Variant {
    Variant {
        name: name.to_string(),
        width: probe.width,
        height: probe.height,
        format: format_of(name),
    }
}

#[cfg(test)]
mod tests;
