//! ROMA Connect's instance statuses: the eight documented values plus the
//! SDK-only `FROZEN` and its misspelt `DELETE_FALIED`.

/// A ROMA Connect instance status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Creating,
    Running,
    Deleting,
    Deleted,
    Error,
    CreateFailed,
    DeleteFailed,
    SoftDeleted,
    /// SDK-only values.
    Frozen,
    DeleteFalied,
}

impl Status {
    /// The documented values of the `status` query parameter.
    pub const FILTERS: [Status; 8] = [
        Status::Creating,
        Status::Running,
        Status::Deleting,
        Status::Deleted,
        Status::Error,
        Status::CreateFailed,
        Status::DeleteFailed,
        Status::SoftDeleted,
    ];

    /// The wire value.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Creating => "CREATING",
            Status::Running => "RUNNING",
            Status::Deleting => "DELETING",
            Status::Deleted => "DELETED",
            Status::Error => "ERROR",
            Status::CreateFailed => "CREATE_FAILED",
            Status::DeleteFailed => "DELETE_FAILED",
            Status::SoftDeleted => "SOFT_DELETED",
            Status::Frozen => "FROZEN",
            Status::DeleteFalied => "DELETE_FALIED",
        }
    }

    /// A documented filter value (exact match).
    pub fn parse_filter(value: &str) -> Option<Status> {
        Status::FILTERS.into_iter().find(|s| s.as_str() == value)
    }

    /// `(error_code, error_msg)` of a failed status.
    pub fn failure(self) -> Option<(&'static str, &'static str)> {
        match self {
            Status::Error => Some((
                "ROMA.00110001",
                "The instance is abnormal: the gateway health check failed",
            )),
            Status::CreateFailed => Some((
                "ROMA.00110002",
                "Failed to create the instance: insufficient resources in the selected AZ",
            )),
            Status::DeleteFailed | Status::DeleteFalied => Some((
                "ROMA.00110003",
                "Failed to delete the instance: releasing the EIP timed out",
            )),
            _ => None,
        }
    }
}
