#!/usr/bin/env python3
"""Modbus test peer (pymodbus 3.16.1, pinned in scripts/setup-peers.sh) for the Modbus driver plugin's tests.

Serves one device image over TCP (127.0.0.1) or RTU (a serial device, e.g. one end of a socat pty pair):
  inverter  SunSpec 1 + 103 + 120 + 121 + 123 + 704 at 40000
  storage   SunSpec 1 + 124 + 802 at 0 (nothing at 40000: discovery must fall back)
  meter     SunSpec 1 + 203 at 50000
  victron   the register map Plugins/Modbus/maps/victron-gx-ess.json describes (no SunSpec)
  sdm630    the register map Plugins/Modbus/maps/eastron-sdm630.json describes (input registers, float32)
  block     125 holding registers at 0 (benchmark)

Register offsets are the SunSpec standard's (sunspec/models), written here independently of the driver's tables.
Commands on stdin, one per line, each answered on stdout:
  get ADDR COUNT      -> "regs v1 v2 ..."
  set ADDR V1 V2 ...  -> "ok"
  mute / unmute       -> "ok" (while muted, requests get no answer)
Prints "ready PORT" (TCP) or "ready" (RTU) once serving.
"""
import argparse
import asyncio
import struct
import sys

from pymodbus.simulator import DataType, SimData, SimDevice
from pymodbus.server import ModbusSerialServer, ModbusTcpServer
from pymodbus.framer import FramerType

STATE = {"muted": False, "context": None, "unit": 1}


def text(value, registers):
    raw = value.encode()[: registers * 2].ljust(registers * 2, b"\0")
    return list(struct.unpack(">%dH" % registers, raw))


def s16(value):
    return value & 0xFFFF


def u32(value):
    return [(value >> 16) & 0xFFFF, value & 0xFFFF]


def f32(value, word_order="big"):
    high, low = struct.unpack(">HH", struct.pack(">f", value))
    return [high, low] if word_order == "big" else [low, high]


class Image:
    """A register image from `start`, grown as values are placed."""

    def __init__(self, start):
        self.start = start
        self.regs = {}

    def put(self, address, values):
        for index, value in enumerate(values):
            self.regs[address + index] = value & 0xFFFF

    def words(self):
        end = max(self.regs) + 1
        return [self.regs.get(a, 0) for a in range(self.start, end)]


def sunspec(base, models):
    """models: list of (id, length, {offset_from_ID: [words]}); appends the end model."""
    image = Image(base)
    image.put(base, [0x5375, 0x6E53])
    address = base + 2
    for model_id, length, values in models:
        image.put(address, [model_id, length] + [0] * length)
        for offset, words in values.items():
            image.put(address + offset, words)
        address += 2 + length
    image.put(address, [0xFFFF, 0])
    return image


def common(model):
    return (1, 66, {2: text("OpenDSO", 16), 18: text(model, 16), 50: text("SN-0001", 16)})


def build(device):
    if device == "inverter":
        return sunspec(40000, [
            common("Test inverter"),
            # 103: A = 123 x 10^-1, PhVphA not implemented (0xFFFF), W = 4500, Hz = 5000 x 10^-2, WH = 1234567, St = 4.
            (103, 50, {2: [123], 6: [s16(-1)], 10: [0xFFFF], 13: [s16(-1)], 14: [4500], 15: [0], 16: [5000],
                       17: [s16(-2)], 24: u32(1234567), 26: [0], 38: [4]}),
            (120, 26, {3: [600], 4: [1]}),        # WRtg 6000 W
            (121, 30, {2: [6000], 22: [0]}),      # WMax 6000 W
            (123, 24, {23: [0]}),
            (704, 65, {54: [0], 55: [0]}),        # WMaxLimPct_SF 0, WSet_SF 0
        ])
    if device == "storage":
        return sunspec(0, [
            common("Test storage"),
            # 124: WChaMax 5000 W (SF 0), ChaState 655 x 10^-1 %, InOutWRte_SF -1.
            (124, 24, {2: [5000], 8: [655], 18: [0], 22: [s16(-1)], 25: [s16(-1)]}),
            # 802: SoC 655 x 10^-1 %, W = -1200 W (charging).
            (802, 62, {11: [655], 56: [s16(-1)], 47: [s16(-1200)], 63: [0]}),
        ])
    if device == "meter":
        # 203: Hz 6000 x 10^-2, W = -1500 (export), TotWhImp = 987654 x 10^0.
        return sunspec(50000, [common("Test meter"), (203, 105, {16: [6000], 17: [s16(-2)], 18: [s16(-1500)], 22: [0], 46: u32(987654), 54: [0]})])
    if device == "victron":
        image = Image(840)
        image.put(840, [5230, s16(-125), s16(-650), 77])  # 52.30 V, -12.5 A, -650 W, 77 %
        image.put(2700, [0])
        return image
    if device == "sdm630":
        image = Image(0)
        image.put(0, f32(231.5) + f32(232.0) + f32(229.5) + f32(4.25))
        image.put(52, f32(2950.0))
        image.put(70, f32(49.98) + f32(1234.5) + f32(10.25))
        return image
    if device == "block":
        image = Image(0)
        image.put(0, list(range(125)))
        return image
    raise SystemExit(f"unknown device {device}")


async def action(function_code, start_address, address, count, current_registers, set_values):
    while STATE["muted"]:
        await asyncio.sleep(0.05)
    return None


async def commands():
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    while True:
        line = (await reader.readline()).decode()
        if not line:
            return
        parts = line.split()
        if not parts:
            continue
        context, unit = STATE["context"], STATE["unit"]
        if parts[0] == "get":
            values = await context.async_getValues(unit, 3, int(parts[1]), int(parts[2]))
            print("regs " + " ".join(str(v) for v in values), flush=True)
        elif parts[0] == "set":
            await context.async_setValues(unit, 16, int(parts[1]), [int(v) & 0xFFFF for v in parts[2:]])
            print("ok", flush=True)
        elif parts[0] in ("mute", "unmute"):
            STATE["muted"] = parts[0] == "mute"
            print("ok", flush=True)


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--device", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--unit", type=int, default=1)
    parser.add_argument("--serial")
    parser.add_argument("--baud", type=int, default=19200)
    args = parser.parse_args()
    image = build(args.device)
    words = image.words()
    data = SimData(address=image.start, values=words, datatype=DataType.REGISTERS)
    device = SimDevice(id=args.unit, simdata=[data], action=action)
    if args.serial:
        server = ModbusSerialServer(device, framer=FramerType.RTU, port=args.serial, baudrate=args.baud)
    else:
        server = ModbusTcpServer(device, address=("127.0.0.1", args.port))
    await server.serve_forever(background=True)
    STATE["context"], STATE["unit"] = server.context, args.unit
    if args.serial:
        print("ready", flush=True)
    else:
        port = server.transport.sockets[0].getsockname()[1] if hasattr(server.transport, "sockets") else args.port
        print(f"ready {port}", flush=True)
    await commands()


if __name__ == "__main__":
    asyncio.run(main())
