#include "base/result.h"

namespace duebook {

std::string describe(const Problems& problems) {
  std::string out;
  for (const Problem& p : problems) {
    if (!out.empty()) out += '\n';
    if (!p.where.empty()) out += p.where + ": ";
    out += p.message;
  }
  return out;
}

}  // namespace duebook
