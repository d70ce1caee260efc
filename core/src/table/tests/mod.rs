//! Unit tests of the table model: sorting and filtering ([`filtering`]), and what a table
//! shows as rows arrive, filters narrow and sorts change ([`shown`]).

mod filtering;
mod selection;
mod shown;
