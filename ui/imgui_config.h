// Dear ImGui configuration for Duebook (IMGUI_USER_CONFIG); the vendored source stays untouched.
#pragma once

#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
#ifndef DUEBOOK_WITH_IMGUI_DEMO
#define IMGUI_DISABLE_DEMO_WINDOWS
#endif
