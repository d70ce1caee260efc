//! ImageSearch's instance statuses (the vendor's spellings).

/// An ImageSearch instance status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Normal,
    Arrearage,
    Creation,
    CreationFaild,
    Deleting,
    DeletingFailed,
    Abnormal,
}

impl Status {
    /// The wire value.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Normal => "NORMAL",
            Status::Arrearage => "ARREARAGE",
            Status::Creation => "CREATION",
            Status::CreationFaild => "CREATION_FAILD",
            Status::Deleting => "DELETING",
            Status::DeletingFailed => "DELETING_FAILED",
            Status::Abnormal => "ABNORMAL",
        }
    }
}
