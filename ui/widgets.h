// Small drawing helpers shared by the windows.
#pragma once

#include <string>

namespace duebook::ui {

// A labelled single-line text field; `test_name` registers it for end-to-end tests. Shows `problem` in red
// below when not empty. Returns true when the text changed.
bool text_field(const char* label, std::string* text, const char* test_name, const std::string& problem = {},
                const char* hint = nullptr, float width = -1.0f);
// A multi-line variant.
bool text_area(const char* label, std::string* text, const char* test_name, float height);
// A problem line in the error colour.
void problem_text(const std::string& message);
// A section heading.
void heading(const char* text);

}  // namespace duebook::ui
