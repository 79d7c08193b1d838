// The dispute reasons core knows (collections.h, DisputeReason), with the words the workbench shows for them:
// the Today tab's outcome form and the customer's reply both offer them.
#pragma once

namespace duebook::ui {

inline const char* const kReasonCodes[] = {"pricing", "not_delivered", "quality", "not_received", "other"};
inline const char* const kReasonNames[] = {"Price is wrong", "Not delivered", "Quality",
                                           "Invoice not received", "Other"};
inline constexpr int kReasonCount = 5;

}  // namespace duebook::ui
