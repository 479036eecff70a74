#include "cli/app.h"

int main(int argc, char** argv) { return jg::cli::Main(argc, argv); }
