//! Distances on the Earth's surface, in miles (the great-circle, or haversine, formula). The
//! browser script uses the same formula and radius.

/// A point on the Earth: latitude and longitude in degrees (WGS84, as the ONS Postcode
/// Directory's `lat` and `long`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// Degrees north (negative: south).
    pub lat: f64,
    /// Degrees east (negative: west, as all of England west of Greenwich).
    pub lon: f64,
}

/// The Earth's mean radius (IUGG), in miles: 6,371.0088 km.
pub const EARTH_RADIUS_MILES: f64 = 6371.0088 / 1.609344;

/// The great-circle distance between two points, in miles.
pub fn miles(a: Point, b: Point) -> f64 {
    great_circle(a, b, EARTH_RADIUS_MILES)
}

/// The haversine distance on a sphere of this radius (in the radius's units).
fn great_circle(a: Point, b: Point, radius: f64) -> f64 {
    let (lat1, lat2) = (a.lat.to_radians(), b.lat.to_radians());
    let d_lat = lat2 - lat1;
    let d_lon = (b.lon - a.lon).to_radians();
    let h = (d_lat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (d_lon / 2.0).sin().powi(2);
    2.0 * radius * h.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn p(lat: f64, lon: f64) -> Point {
        Point { lat, lon }
    }

    #[test]
    fn the_formula_gives_the_textbook_figure() {
        // Nashville (BNA) to Los Angeles (LAX) on a sphere of 6,372.8 km: 2,887.2599506 km, the
        // worked example of the haversine formula (Rosetta Code).
        let km = great_circle(p(36.12, -86.67), p(33.94, -118.40), 6372.8);
        assert!((km - 2_887.259_950_607_1).abs() < 1e-6, "{km}");
    }

    #[test]
    fn one_degree_of_latitude_is_about_69_miles() {
        // 2 pi R / 360 with R = 3,958.76 miles is 69.09 miles, anywhere along a meridian.
        let d = miles(p(52.0, -2.0), p(53.0, -2.0));
        assert!((d - 69.093).abs() < 0.001, "{d}");
        assert!((miles(p(0.0, 0.0), p(0.0, 1.0)) - 69.093).abs() < 0.001);
    }

    #[test]
    fn walsall_distances_are_right_and_symmetric() {
        // Walsall town centre to Birmingham New Street: about 8 miles as the crow flies.
        let walsall = p(52.5860, -1.9829);
        let birmingham = p(52.4778, -1.8990);
        let d = miles(walsall, birmingham);
        assert!((8.0..8.6).contains(&d), "{d}");
        assert_eq!(d, miles(birmingham, walsall));
        assert_eq!(miles(walsall, walsall), 0.0);
        // Antipodes: half the circumference, not NaN.
        let far = miles(p(0.0, 0.0), p(0.0, 180.0));
        assert!((far - std::f64::consts::PI * EARTH_RADIUS_MILES).abs() < 1e-6);
    }
}
