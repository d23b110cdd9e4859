//! One variant of a picture: resized (Lanczos3, with SIMD where the
//! processor has it) and encoded. Encoders are given pixels only, so no
//! metadata of the source can reach the file.

use fast_image_resize::images::Image;
use fast_image_resize::{FilterType, ResizeAlg, ResizeOptions, Resizer};
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{DynamicImage, ExtendedColorType, ImageEncoder};

use super::{Format, ImageError, Variant};

/// JPEG quality: photos look as the original at screen sizes.
const JPEG_QUALITY: u8 = 82;

/// WebP quality (libwebp's scale): visibly the same as the JPEG, and smaller.
const WEBP_QUALITY: f32 = 75.0;

/// `pixels` (upright, RGB8 or RGBA8, at `variant`'s size) in its format.
pub(super) fn encode(pixels: &DynamicImage, variant: &Variant) -> Result<Vec<u8>, ImageError> {
    let has_alpha = pixels.color().has_alpha();
    let (width, height) = (pixels.width(), pixels.height());
    let pixels = pixels.as_bytes();
    let failed = |e: image::ImageError| ImageError::Unreadable(e.to_string());
    let mut out = Vec::new();
    match variant.format {
        Format::Webp => {
            let encoder = if has_alpha {
                webp::Encoder::from_rgba(pixels, width, height)
            } else {
                webp::Encoder::from_rgb(pixels, width, height)
            };
            let encoded = encoder
                .encode_simple(false, WEBP_QUALITY)
                .map_err(|e| ImageError::Unreadable(format!("WebP: {e:?}")))?;
            out.extend_from_slice(&encoded);
        }
        Format::Jpeg => {
            // JPEG has no transparency: a transparent picture gets white behind it.
            let white;
            let rgb = if has_alpha {
                white = over_white(pixels);
                &white
            } else {
                pixels
            };
            JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
                .encode(rgb, width, height, ExtendedColorType::Rgb8)
                .map_err(failed)?;
        }
        Format::Png => {
            let color = if has_alpha {
                ExtendedColorType::Rgba8
            } else {
                ExtendedColorType::Rgb8
            };
            PngEncoder::new(&mut out)
                .write_image(pixels, width, height, color)
                .map_err(failed)?;
        }
    }
    Ok(out)
}

/// `picture` (RGB8 or RGBA8) at `width` × `height`.
pub(super) fn resized(
    picture: &DynamicImage,
    width: u32,
    height: u32,
) -> Result<DynamicImage, ImageError> {
    let has_alpha = picture.color().has_alpha();
    let pixel_type = if has_alpha {
        fast_image_resize::PixelType::U8x4
    } else {
        fast_image_resize::PixelType::U8x3
    };
    let mut target = Image::new(width, height, pixel_type);
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    Resizer::new()
        .resize(picture, &mut target, &options)
        .map_err(|e| ImageError::Unreadable(e.to_string()))?;
    let pixels = target.into_vec();
    let made = if has_alpha {
        image::RgbaImage::from_raw(width, height, pixels).map(DynamicImage::ImageRgba8)
    } else {
        image::RgbImage::from_raw(width, height, pixels).map(DynamicImage::ImageRgb8)
    };
    made.ok_or_else(|| ImageError::Unreadable("resize".into()))
}

/// RGBA pixels as RGB over a white background.
fn over_white(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .flat_map(|p| {
            let alpha = u16::from(p[3]);
            let blend = |c: u8| {
                let c = u16::from(c) * alpha + 255 * (255 - alpha);
                u8::try_from(c / 255).unwrap_or(u8::MAX)
            };
            [blend(p[0]), blend(p[1]), blend(p[2])]
        })
        .collect()
}
