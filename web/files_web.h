// Files in and out of the browser: the file picker, files dropped on the page, and downloads.
#pragma once

#include <string>
#include <vector>

#include "platform.h"

namespace duebook::web {

// Listens for files dropped anywhere on the page and makes the hidden file input the picker uses.
void install_file_listeners();
// Opens the browser's file picker for `accept` (an <input accept> value); the file comes through take_files.
void choose_file(const char* accept);
// The files picked or dropped since the last call, in order.
std::vector<ui::IncomingFile> take_files();
// Downloads `bytes` as a file named `name` of type `mime`.
void download_file(const std::string& name, const std::string& bytes, const char* mime);

}  // namespace duebook::web
