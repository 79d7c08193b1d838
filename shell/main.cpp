// The desktop program: with a command it is the CLI, without one it opens the workbench window.
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "desktop/platform_desktop.h"

int main(int argc, char** argv) {
  std::vector<std::string> words(argv + 1, argv + argc);
  // --frames N: draw N frames and close (smoke tests). Only meaningful for the window.
  int quit_after_frames = 0;
  for (size_t i = 0; i + 1 < words.size(); ++i)
    if (words[i] == "--frames") {
      quit_after_frames = std::atoi(words[i + 1].c_str());
      words.erase(words.begin() + long(i), words.begin() + long(i) + 2);
      break;
    }
  return duebook::cli::run(words, std::cout, std::cerr, [&](const std::string& db_path) {
    return duebook::shell::run_window(db_path, quit_after_frames);
  });
}
