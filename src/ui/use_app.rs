//! The one hook through which a component reaches its app's state: every app's root component
//! provides its reducer handle (or its tools) as a context.

use yew::prelude::*;

/// The `T` the app's root component provides. Panics if rendered outside that app, a programming
/// error that every page test would show at once.
#[hook]
pub fn use_app<T: Clone + PartialEq + 'static>() -> T {
    use_context::<T>().expect("rendered inside the app whose root component provides this state")
}
