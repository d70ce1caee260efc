use crate::table::Selection;

const ORDER: [&str; 6] = ["a", "b", "c", "d", "e", "f"];

fn ticked(s: &Selection) -> Vec<&str> {
    let mut v: Vec<&str> = s.ids().collect();
    v.sort_unstable();
    v
}

#[test]
fn a_click_toggles_one_row() {
    let mut s = Selection::new();
    s.click(&ORDER, "b", false);
    s.click(&ORDER, "d", false);
    assert_eq!(ticked(&s), ["b", "d"]);
    s.click(&ORDER, "b", false);
    assert_eq!(ticked(&s), ["d"]);
    s.click(&ORDER, "", false);
    assert_eq!(s.len(), 1);
}

#[test]
fn shift_click_ticks_the_range_either_way() {
    let mut s = Selection::new();
    s.click(&ORDER, "b", false);
    s.click(&ORDER, "e", true);
    assert_eq!(ticked(&s), ["b", "c", "d", "e"]);
    // Upwards, unticking: the clicked row was ticked, so the range is unticked.
    s.click(&ORDER, "c", true);
    assert_eq!(ticked(&s), ["b"]);
    // Without an anchor on this page (it was on another), only the row.
    let mut t = Selection::new();
    t.click(&["x", "y"], "x", false);
    t.click(&ORDER, "d", true);
    assert_eq!(ticked(&t), ["d", "x"]);
}

#[test]
fn ticks_survive_other_pages_and_select_all() {
    let mut s = Selection::new();
    s.set_all(["a", "b", "c"], true);
    assert!(s.all_of(["a", "b"]));
    assert!(!s.all_of(["a", "z"]));
    assert!(!s.all_of(std::iter::empty()));
    // Another page's rows: the first page's ticks stay.
    s.set_all(["p", "q"], true);
    s.set_all(["p", "q"], false);
    assert_eq!(ticked(&s), ["a", "b", "c"]);
    s.clear();
    assert!(s.is_empty());
}
