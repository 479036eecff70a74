#pragma once

namespace jg::cli {
int Main(int argc, char** argv);
}
