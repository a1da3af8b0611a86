//! The store every app persists to: the browser's local storage in the app, a memory store natively
//! (where only tests render components). Tests hand an app their own store as a [`StoreProp`].

use std::rc::Rc;

use kefu_core::storage::Store;

/// The browser's local storage (a fresh memory store natively).
pub fn default_store() -> Rc<dyn Store> {
    #[cfg(target_arch = "wasm32")]
    {
        Rc::new(crate::ui::local_store::LocalStore)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Rc::new(kefu_core::storage::MemoryStore::new())
    }
}

/// A store handed to an app's root component by a test, compared by identity.
#[derive(Clone)]
pub struct StoreProp(pub Rc<dyn Store>);

impl PartialEq for StoreProp {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
