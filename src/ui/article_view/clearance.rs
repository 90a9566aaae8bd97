//! Keeping relation drawings off the letters: the rectangles of the glyphs drawn this frame, the
//! free height between two lines, connector segments with the parts that would cross a glyph cut
//! out, and a free place for a relation's name. Pure geometry in document coordinates.

use std::ops::Range;

use egui::{Pos2, Rect, Vec2, vec2};

/// Room kept between a drawing and a glyph, in points.
pub const CLEARANCE: f32 = 0.5;

/// The glyph rectangles of the visible lines, sorted by top for lookups by height.
#[derive(Clone, Debug, Default)]
pub struct GlyphRects {
    rects: Vec<Rect>,
    /// The tallest rectangle's height: a rectangle overlapping `y0..y1` has its top in
    /// `y0 - tallest..y1`.
    tallest: f32,
}

impl GlyphRects {
    /// No glyph at all.
    pub const EMPTY: Self = Self {
        rects: Vec::new(),
        tallest: 0.0,
    };

    /// The rectangles (empty ones are ignored).
    pub fn new(mut rects: Vec<Rect>) -> Self {
        rects.retain(|r| r.is_positive());
        rects.sort_by(|a, b| a.min.y.total_cmp(&b.min.y));
        let tallest = rects.iter().map(Rect::height).fold(0.0, f32::max);
        Self { rects, tallest }
    }

    /// Every rectangle.
    pub fn rects(&self) -> &[Rect] {
        &self.rects
    }

    /// The rectangles whose height range overlaps `y` (a superset filtered by the caller).
    fn near(&self, y: Range<f32>) -> impl Iterator<Item = &Rect> {
        let first = self
            .rects
            .partition_point(|r| r.min.y < y.start - self.tallest);
        let end = self.rects.partition_point(|r| r.min.y < y.end);
        self.rects
            .get(first..end.max(first))
            .unwrap_or_default()
            .iter()
            .filter(move |r| r.max.y > y.start && r.min.y < y.end)
    }

    /// Whether `rect` (grown by [`CLEARANCE`]) touches a glyph.
    pub fn hits(&self, rect: Rect) -> bool {
        let rect = rect.expand(CLEARANCE);
        self.near(rect.min.y..rect.max.y)
            .any(|g| g.min.x < rect.max.x && rect.min.x < g.max.x)
    }

    /// The free height (no glyph over the columns `x`) in `within` nearest to `near`, at least
    /// `min_height` tall; `None` when there is none.
    pub fn free_band(
        &self,
        x: Range<f32>,
        within: Range<f32>,
        near: f32,
        min_height: f32,
    ) -> Option<Range<f32>> {
        let mut taken: Vec<Range<f32>> = self
            .near(within.clone())
            .filter(|g| g.min.x - CLEARANCE < x.end && x.start < g.max.x + CLEARANCE)
            .map(|g| g.min.y - CLEARANCE..g.max.y + CLEARANCE)
            .collect();
        taken.sort_by(|a, b| a.start.total_cmp(&b.start));
        let mut free = Vec::new();
        let mut from = within.start;
        for t in &taken {
            if t.start > from {
                free.push(from..t.start.min(within.end));
            }
            from = from.max(t.end);
        }
        if from < within.end {
            free.push(from..within.end);
        }
        free.into_iter()
            .filter(|f| f.end - f.start >= min_height)
            .min_by(|a, b| distance(a, near).total_cmp(&distance(b, near)))
    }

    /// The parts of the segment `a`–`b`, drawn `width` points wide, that cross no glyph: the
    /// segment with the stretches over glyphs cut out (along its main direction).
    pub fn clear_parts(&self, a: Pos2, b: Pos2, width: f32) -> Vec<(Pos2, Pos2)> {
        let half = width / 2.0;
        if !self.hits(segment_rect(a, b, width)) {
            return vec![(a, b)];
        }
        let d = b - a;
        let horizontal = d.x.abs() >= d.y.abs();
        let length = if horizontal { d.x } else { d.y };
        if length.abs() < 1e-3 {
            return Vec::new();
        }
        // Glyph stretches along the main axis, over the band the segment sweeps across.
        let band = segment_rect(a, b, width).expand(CLEARANCE);
        let (cross, along) = if horizontal {
            (band.y_range(), (a.x, b.x))
        } else {
            (band.x_range(), (a.y, b.y))
        };
        let mut cuts: Vec<(f32, f32)> = self
            .near(if horizontal {
                band.min.y..band.max.y
            } else {
                band.min.y - 1.0..band.max.y + 1.0
            })
            .filter(|g| {
                let (lo, hi) = if horizontal {
                    (g.min.y, g.max.y)
                } else {
                    (g.min.x, g.max.x)
                };
                lo < cross.max && cross.min < hi
            })
            .map(|g| {
                if horizontal {
                    (g.min.x - CLEARANCE - half, g.max.x + CLEARANCE + half)
                } else {
                    (g.min.y - CLEARANCE - half, g.max.y + CLEARANCE + half)
                }
            })
            .collect();
        cuts.sort_by(|p, q| p.0.total_cmp(&q.0));
        // Walk from the lower coordinate to the higher, keeping what no cut covers.
        let (lo, hi) = (along.0.min(along.1), along.0.max(along.1));
        let mut kept = Vec::new();
        let mut from = lo;
        for (start, end) in cuts {
            if start > from {
                kept.push(from..start.min(hi));
            }
            from = from.max(end);
            if from >= hi {
                break;
            }
        }
        if from < hi {
            kept.push(from..hi);
        }
        let at = |t: f32| a + d * ((t - if horizontal { a.x } else { a.y }) / length);
        kept.into_iter()
            .filter(|k| k.end - k.start > 0.5)
            .map(|k| (at(k.start), at(k.end)))
            .filter(|(p, q)| !self.hits(segment_rect(*p, *q, width)))
            .collect()
    }

    /// A place for a rectangle of `size` that touches no glyph and none of `taken`, as near as
    /// possible to the first of `candidates` (centres) that has one: each candidate is tried as
    /// it is, then moved up and down by up to `reach` points.
    pub fn free_place(
        &self,
        size: Vec2,
        candidates: &[Pos2],
        reach: f32,
        taken: &[Rect],
    ) -> Option<Rect> {
        let steps = (reach / 3.0).ceil().max(0.0) as usize;
        for centre in candidates {
            for k in 0..=2 * steps {
                // 0, -3, +3, -6, +6 …
                let dy = if k % 2 == 1 { -1.0 } else { 1.0 } * k.div_ceil(2) as f32 * 3.0;
                let rect = Rect::from_center_size(*centre + vec2(0.0, dy), size);
                if !self.hits(rect) && !taken.iter().any(|t| t.expand(1.0).intersects(rect)) {
                    return Some(rect);
                }
            }
        }
        None
    }
}

/// The rectangle a segment from `a` to `b` covers when drawn `width` points wide.
pub fn segment_rect(a: Pos2, b: Pos2, width: f32) -> Rect {
    Rect::from_two_pos(a, b).expand(width / 2.0)
}

/// How far `y` is from the range `r` (0 inside).
fn distance(r: &Range<f32>, y: f32) -> f32 {
    if y < r.start {
        r.start - y
    } else if y > r.end {
        y - r.end
    } else {
        0.0
    }
}

/// Points every `step` points along the polyline `points` (its first point included).
pub fn along(points: &[Pos2], step: f32) -> Vec<Pos2> {
    let mut out = Vec::new();
    let mut carry = 0.0;
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        let length = a.distance(b);
        let mut t = carry;
        while t < length {
            out.push(a + (b - a) * (t / length));
            t += step;
        }
        carry = t - length;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f32, y: f32) -> Pos2 {
        egui::pos2(x, y)
    }

    /// Two lines of "glyphs": line 1 from y 5 to 30 (a descender at x 100..110 down to 36),
    /// line 2 from y 40 to 65 (a haraka at x 200..206 up to 37).
    fn glyphs() -> GlyphRects {
        let mut rects = Vec::new();
        for i in 0..20 {
            let x = i as f32 * 20.0;
            rects.push(Rect::from_min_max(p(x, 5.0), p(x + 15.0, 30.0)));
            rects.push(Rect::from_min_max(p(x, 40.0), p(x + 15.0, 65.0)));
        }
        rects.push(Rect::from_min_max(p(100.0, 30.0), p(110.0, 36.0)));
        rects.push(Rect::from_min_max(p(200.0, 37.0), p(206.0, 40.0)));
        GlyphRects::new(rects)
    }

    #[test]
    fn the_free_band_between_two_lines_avoids_descenders_and_harakat() {
        let g = glyphs();
        let band = g
            .free_band(0.0..90.0, 20.0..50.0, 38.0, 2.0)
            .expect("a band");
        assert!(
            (band.start - 30.5).abs() < 0.01 && (band.end - 39.5).abs() < 0.01,
            "{band:?}"
        );
        // Over the descender and the haraka, only 36.5..36.5 is left: nothing 2 points tall.
        assert_eq!(g.free_band(95.0..210.0, 20.0..50.0, 38.0, 2.0), None);
        let narrow = g
            .free_band(95.0..120.0, 20.0..50.0, 38.0, 2.0)
            .expect("a band");
        assert!(narrow.start >= 36.5 && narrow.end <= 39.5);
    }

    #[test]
    fn segments_lose_exactly_the_stretches_over_glyphs() {
        let g = glyphs();
        // Through line 1's text: cut into the gaps between glyphs.
        let parts = g.clear_parts(p(0.0, 20.0), p(100.0, 20.0), 2.0);
        assert!(!parts.is_empty());
        for (a, b) in &parts {
            assert!(!g.hits(segment_rect(*a, *b, 2.0)), "{a:?} {b:?}");
            assert!(b.x - a.x <= 5.0 - 2.0 * CLEARANCE - 2.0 + 0.01);
        }
        // In the free band: whole.
        assert_eq!(
            g.clear_parts(p(0.0, 35.0), p(90.0, 35.0), 2.0),
            [(p(0.0, 35.0), p(90.0, 35.0))]
        );
        // Vertical, from the gap down into line 2: stops above its glyphs.
        let parts = g.clear_parts(p(7.0, 33.0), p(7.0, 50.0), 2.0);
        assert_eq!(parts.len(), 1);
        assert!(parts[0].1.y <= 40.0 - CLEARANCE - 1.0 + 0.01, "{parts:?}");
    }

    #[test]
    fn a_name_goes_to_the_nearest_free_place() {
        let g = glyphs();
        let size = vec2(30.0, 8.0);
        // Between the lines there is 9 points: an 8-point name fits at x 0..90.
        let place = g
            .free_place(size, &[p(45.0, 20.0)], 20.0, &[])
            .expect("a place");
        assert!(!g.hits(place));
        assert!(place.min.y >= 30.0 && place.max.y <= 40.0, "{place:?}");
        // A second name does not go over the first.
        let second = g
            .free_place(size, &[p(45.0, 20.0)], 40.0, &[place])
            .expect("a place");
        assert!(!second.intersects(place));
        // Nothing in reach: no place.
        assert_eq!(
            g.free_place(vec2(30.0, 20.0), &[p(45.0, 20.0)], 6.0, &[]),
            None
        );
    }

    #[test]
    fn points_along_a_polyline() {
        let points = along(&[p(0.0, 0.0), p(10.0, 0.0), p(10.0, 10.0)], 4.0);
        assert_eq!(points.len(), 5);
        assert_eq!(points[3], p(10.0, 2.0));
    }
}
