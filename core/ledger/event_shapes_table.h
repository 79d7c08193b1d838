// The declared shape of every event type's payload: what its projector reads.
#pragma once

namespace duebook {

// The shapes as JSON text: an object from event type (or a "$name" shared by several types) to its shape. A
// shape is a type name ("int", "string", "bool", "number", "null", "any", or several joined by "|"), a
// "$name" (a shared shape of that name, or the shape of the event type it names), an object whose keys must
// be present with their shapes (a key ending in "?" may be absent; other keys are allowed; a key "(with)"
// names a shape the object must also have), a one-element array (every element has that shape), {"(tuple)":
// [shapes], "(min)": N} (an array whose element i has shape i, at least N long, N = all if absent), or {"(or
// null)": shape}.
const char* event_shapes_text();

}  // namespace duebook
