use super::*;
use crate::service::{list_api, ListPage, PickedRows};
use crate::services::clouddc::{self, Clouddc};
use crate::services::roma::{self, Roma};
use crate::state::Category;

fn dc_page() -> ListPage {
    let instances: Vec<clouddc::wire::Instance> = [("dc-1", "web, \"a\"", "running"), ("dc-2", "db", "stopped")]
        .iter()
        .map(|(id, name, state)| clouddc::wire::Instance {
            id: (*id).into(),
            name: (*name).into(),
            state: (*state).into(),
            created_at: "2026-11-30T10:00:00Z".into(),
            ..clouddc::wire::Instance::default()
        })
        .collect();
    ListPage::of::<Clouddc>(clouddc::wire::InstanceList {
        instances: instances.into(),
        page_info: None,
        count: Some(2),
    })
}

fn roma_page() -> ListPage {
    let instances = vec![roma::wire::Instance {
        id: "r-1".into(),
        name: "gateway".into(),
        status: "RUNNING".into(),
        ..roma::wire::Instance::default()
    }];
    ListPage::of::<Roma>(roma::wire::InstanceList {
        total: Some(1),
        size: Some(1),
        instances: instances.into(),
    })
}

fn column(key: &str) -> usize {
    common_columns().iter().position(|c| c.key == key).unwrap()
}

#[test]
fn rows_of_two_services_share_one_set_of_columns() {
    let mut all = CommonRows::new();
    let dc = all.add_source(Source {
        connection_id: "demo-clouddc".into(),
        connection: "Demo CloudDC".into(),
        service: "CloudDC",
    });
    let ro = all.add_source(Source {
        connection_id: "demo-roma".into(),
        connection: "Demo ROMA".into(),
        service: "ROMA Connect",
    });
    let (dc_page, roma_page) = (dc_page(), roma_page());
    let dc_specs = list_api::<Clouddc>().columns();
    let ro_specs = list_api::<Roma>().columns();
    // The first row arrives, then the second: only the new one is read.
    let first = PickedRows(vec![(dc_page.clone(), 0)]);
    assert_eq!(all.extend(dc, &dc_specs, &first, 0), 1);
    assert_eq!(all.extend(dc, &dc_specs, &*dc_page, 1), 2);
    assert_eq!(all.extend(ro, &ro_specs, &*roma_page, 0), 1);
    assert_eq!(all.len(), 3);
    assert_eq!(all.id(0), "demo-clouddc/dc-1");
    assert_eq!(split_id(all.id(2)), ("demo-roma", "r-1"));
    assert_eq!(all.cell(0, column("name")), Cell::Name("web, \"a\"".into()));
    assert_eq!(all.cell(2, column("name")), Cell::Name("gateway".into()));
    assert_eq!(all.cell(2, column("connection")), Cell::Text("Demo ROMA".into()));
    assert_eq!(all.cell(1, column("service")), Cell::Text("CloudDC".into()));
    assert_eq!(all.cell(0, column("id")), Cell::Mono("dc-1".into()));
    assert_eq!(
        all.cell(0, column("created")),
        Cell::Time("2026-11-30T10:00:00Z".into())
    );
    // ROMA has no tags column: an empty cell, never a panic.
    assert_eq!(all.cell(2, column("tags")), Cell::Text(String::new()));
    assert_eq!(all.cell(9, 0), Cell::Text(String::new()));
    assert_eq!(all.cell(0, 99), Cell::Text(String::new()));
    let states: Vec<_> = (0..3).map(|r| all.state(r).unwrap().category).collect();
    assert_eq!(states, [Category::Running, Category::Stopped, Category::Running]);
    assert_eq!(all.count_of(dc), 2);
    assert_eq!(all.count_of(ro), 1);
    assert!(all.sort_key(0, column("state")) != SortKey::Empty);
    assert_eq!(all.sort_key(2, column("connection")), SortKey::text("Demo ROMA"));
}

#[test]
fn search_reads_names_states_and_connections() {
    let mut all = CommonRows::new();
    let dc = all.add_source(Source {
        connection_id: "c".into(),
        connection: "Prod east".into(),
        service: "CloudDC",
    });
    all.extend(dc, &list_api::<Clouddc>().columns(), &*dc_page(), 0);
    let mut words = Vec::new();
    all.search(1, &mut |s| words.push(s.to_owned()));
    assert!(words.contains(&"db".to_owned()));
    assert!(words.contains(&"stopped".to_owned()));
    assert!(words.contains(&"Prod east".to_owned()));
    assert!(words.contains(&"dc-2".to_owned()));
}
