// One gallery provider as its front matter declares it.
#pragma once

#include <ostream>

struct GalleryEntry {
    const char* name;    ///< the source file's name with dashes: "ss002-started-stays-true"
    const char* plugin;  ///< the built plugin
    const char* breaks;  ///< rule IDs the suite must FAIL (or TIMEOUT/CRASH), space separated; "none"
    const char* warns;   ///< SHOULD rules the suite must WARN on, space separated; may be empty
};

/// GoogleTest prints a parameter with this: the provider's name, not its bytes.
inline void PrintTo(const GalleryEntry& entry, std::ostream* os) {
    *os << entry.name;
}
