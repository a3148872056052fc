// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace patchwise::model {

// Normalises an image reference for tag matching (formats.md §11): the default registry
// and library namespace are made explicit and a missing tag becomes ":latest", so
// "nginx", "docker.io/nginx:latest" and "index.docker.io/library/nginx" compare equal.
// A digest suffix (@sha256:…) is dropped: digests are matched exactly elsewhere.
// Returns "" for an empty reference or a bare digest.
std::string normalizedImageRef(std::string_view reference);

} // namespace patchwise::model
