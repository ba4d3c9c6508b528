// libmodbus (Debian: libmodbus-dev), shared by the ISO link and the Modbus driver plugin.
#include <modbus.h>
