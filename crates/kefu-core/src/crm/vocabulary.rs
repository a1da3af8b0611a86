//! One declaration per CRM vocabulary (states, kinds, roles, contact outcomes, MAN classes …):
//! each value written once, with its Chinese label beside it, so a new value is one line. The
//! macro writes the enum as declared (derives, serde names and docs pass through), the list of all
//! values in order (`ALL`, what selects and imports offer) and `label()` (what the card, the CSV
//! and messages say). Other per-value texts (a state's definition, a role's description) stay as
//! `match`es next to their use: the compiler still lists every value they miss. The expansion is
//! the same code the hand-written tables were, so it costs nothing in wasm.

/// `vocabulary! { #[derive(…)] pub enum Name { Value = "标签", … } }`.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $value:ident = $label:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$vmeta])* $value ),+
        }

        impl $name {
            /// Every value, in the order declared.
            pub const ALL: [$name; [$($label),+].len()] = [$($name::$value),+];

            /// The Chinese label, in the course's wording.
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$value => $label),+
                }
            }
        }
    };
}
