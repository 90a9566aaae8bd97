//! Rasterised glyphs in one egui texture, and the meshes that paint laid-out lines with them.
//!
//! Glyphs are rasterised by swash, unhinted, at the physical size (`font size x
//! pixels_per_point`) and placed on whole physical pixels, so text stays sharp at any scale. When
//! the texture is full it is cleared and refilled with what is on screen (the text of one article
//! needs a few hundred glyphs, so this is rare).

use std::collections::HashMap;

use cosmic_text::{CacheKey, CacheKeyFlags, FontSystem, LayoutGlyph, SwashCache, SwashContent};
use egui::{Color32, ColorImage, Context, Mesh, Pos2, Rect, TextureHandle, TextureOptions, pos2};
use etagere::{AtlasAllocator, size2};

/// Side of the square atlas texture, in pixels.
const ATLAS_SIZE: i32 = 2048;
/// Empty pixels around each glyph, so linear sampling never bleeds.
const PADDING: i32 = 1;

#[derive(Clone, Copy)]
struct AtlasGlyph {
    /// Where the glyph bitmap is in the texture (pixels).
    x: i32,
    y: i32,
    width: i32,
    height: i32,
    /// Offset of the bitmap from the glyph origin (swash placement).
    left: i32,
    top: i32,
    /// A colour glyph (emoji) is painted untinted.
    colored: bool,
}

/// Glyph cache and texture.
pub struct GlyphAtlas {
    texture: Option<TextureHandle>,
    allocator: AtlasAllocator,
    /// Looked up for every glyph painted, each frame: hashed with foldhash (the keys are ours, not
    /// an attacker's), not std's SipHash, which took a twentieth of a frame.
    glyphs: HashMap<CacheKey, Option<AtlasGlyph>, foldhash::fast::RandomState>,
    swash: SwashCache,
    pixels_per_point: f32,
    full: bool,
    /// The egui frame [`GlyphAtlas::begin_frame_once`] last prepared.
    prepared_frame: Option<u64>,
}

impl Default for GlyphAtlas {
    fn default() -> Self {
        Self::new()
    }
}

impl GlyphAtlas {
    /// An empty atlas; the texture is created on first use.
    pub fn new() -> Self {
        Self {
            texture: None,
            allocator: AtlasAllocator::new(size2(ATLAS_SIZE, ATLAS_SIZE)),
            glyphs: HashMap::default(),
            swash: SwashCache::new(),
            pixels_per_point: 1.0,
            full: false,
            prepared_frame: None,
        }
    }

    /// Number of glyph images (including empty ones, like spaces) in the cache.
    pub fn len(&self) -> usize {
        self.glyphs.len()
    }

    /// Is the cache empty?
    pub fn is_empty(&self) -> bool {
        self.glyphs.is_empty()
    }

    /// Call once per frame before painting: a scale change, or an atlas that filled up during
    /// the last frame, empties the cache.
    pub fn begin_frame(&mut self, pixels_per_point: f32) {
        if self.pixels_per_point != pixels_per_point || self.full {
            self.pixels_per_point = pixels_per_point;
            self.allocator.clear();
            self.glyphs.clear();
            self.full = false;
        }
    }

    /// [`Self::begin_frame`] at most once per egui frame, with the context's scale: safe to call
    /// from every widget that paints glyphs, whichever of them runs first. (Emptying the cache in
    /// the middle of a frame would let new glyphs overwrite ones already used by a mesh.)
    pub fn begin_frame_once(&mut self, ctx: &Context) {
        let frame = ctx.cumulative_frame_nr();
        let ppp = ctx.pixels_per_point();
        if self.prepared_frame == Some(frame) && self.pixels_per_point == ppp {
            return;
        }
        self.prepared_frame = Some(frame);
        self.begin_frame(ppp);
    }

    fn texture(&mut self, ctx: &Context) -> &mut TextureHandle {
        self.texture.get_or_insert_with(|| {
            let size = ATLAS_SIZE as usize;
            ctx.load_texture(
                "isnad-glyph-atlas",
                ColorImage::filled([size, size], Color32::TRANSPARENT),
                TextureOptions::LINEAR,
            )
        })
    }

    fn glyph(
        &mut self,
        ctx: &Context,
        font_system: &mut FontSystem,
        key: CacheKey,
    ) -> Option<AtlasGlyph> {
        if let Some(entry) = self.glyphs.get(&key) {
            return *entry;
        }
        let image = self.swash.get_image_uncached(font_system, key);
        let entry = image.and_then(|image| {
            let (w, h) = (image.placement.width as i32, image.placement.height as i32);
            if w == 0 || h == 0 {
                return None;
            }
            let Some(alloc) = self
                .allocator
                .allocate(size2(w + 2 * PADDING, h + 2 * PADDING))
            else {
                self.full = true;
                return None;
            };
            let (x, y) = (
                alloc.rectangle.min.x + PADDING,
                alloc.rectangle.min.y + PADDING,
            );
            let colored = matches!(image.content, SwashContent::Color);
            let pixels: Vec<Color32> = match image.content {
                SwashContent::Mask => image
                    .data
                    .iter()
                    .map(|&a| Color32::from_white_alpha(a))
                    .collect(),
                SwashContent::Color => image
                    .data
                    .chunks_exact(4)
                    .map(|p| Color32::from_rgba_unmultiplied(p[0], p[1], p[2], p[3]))
                    .collect(),
                SwashContent::SubpixelMask => image
                    .data
                    .chunks_exact(4)
                    .map(|p| {
                        Color32::from_white_alpha(
                            ((p[0] as u16 + p[1] as u16 + p[2] as u16) / 3) as u8,
                        )
                    })
                    .collect(),
            };
            let glyph_image = ColorImage::new([w as usize, h as usize], pixels);
            self.texture(ctx).set_partial(
                [x as usize, y as usize],
                glyph_image,
                TextureOptions::LINEAR,
            );
            Some(AtlasGlyph {
                x,
                y,
                width: w,
                height: h,
                left: image.placement.left,
                top: image.placement.top,
                colored,
            })
        });
        if !self.full {
            self.glyphs.insert(key, entry);
        }
        entry
    }

    /// Adds the glyphs of one line to `mesh`. `origin` is the line's left end on its baseline,
    /// in points. Returns `false` if some glyph did not fit (the atlas is emptied next frame).
    pub fn paint_glyphs(
        &mut self,
        ctx: &Context,
        font_system: &mut FontSystem,
        mesh: &mut Mesh,
        glyphs: &[LayoutGlyph],
        origin: Pos2,
        color: Color32,
    ) -> bool {
        let ppp = self.pixels_per_point;
        let (ox, oy) = ((origin.x * ppp).round(), (origin.y * ppp).round());
        let tex_id = self.texture(ctx).id();
        mesh.texture_id = tex_id;
        let uv_scale = 1.0 / ATLAS_SIZE as f32;
        // Four vertices and six indices per glyph, reserved at once rather than grown.
        mesh.reserve_triangles(2 * glyphs.len());
        mesh.reserve_vertices(4 * glyphs.len());
        for g in glyphs {
            let physical = g.physical((ox, oy), ppp);
            // Unhinted, as the layout's advances already are (`Hinting::Disabled`): hinting
            // outlines placed at unhinted positions changed little on screen (compared under
            // Xvfb), and running the fonts' hinting programs was most of rasterising a glyph
            // seen for the first time, as the rows a list scrolls to are.
            let mut key = physical.cache_key;
            key.flags |= CacheKeyFlags::DISABLE_HINTING;
            let Some(atlas) = self.glyph(ctx, font_system, key) else {
                continue;
            };
            let px = (physical.x + atlas.left) as f32;
            let py = (physical.y - atlas.top) as f32;
            let rect = Rect::from_min_size(
                pos2(px / ppp, py / ppp),
                egui::vec2(atlas.width as f32 / ppp, atlas.height as f32 / ppp),
            );
            let uv = Rect::from_min_size(
                pos2(atlas.x as f32 * uv_scale, atlas.y as f32 * uv_scale),
                egui::vec2(
                    atlas.width as f32 * uv_scale,
                    atlas.height as f32 * uv_scale,
                ),
            );
            let tint = if atlas.colored { Color32::WHITE } else { color };
            mesh.add_rect_with_uv(rect, uv, tint);
        }
        !self.full
    }
}
