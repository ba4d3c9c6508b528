#!/usr/bin/env python3
"""Modbus test peer (pymodbus 3.16.1, pinned in scripts/setup-peers.sh) for the Modbus driver plugin's tests.

Serves one device image over TCP (127.0.0.1) or RTU (a serial device, e.g. one end of a socat pty pair); with
several --unit, each unit id gets its own copy of the image (an RS-485 line with several devices); a request
to any other unit id gets no answer, as on a real line:
  inverter  SunSpec 1 + 103 + 120 + 121 + 123 + 704 + 160 (2 modules) + 705 (2 curves of 3 points) at 40000
  storage   SunSpec 1 + 124 + 802 at 0 (nothing at 40000: discovery must fall back)
  meter     SunSpec 1 + 203 at 50000
  victron   the register map Plugins/Modbus/maps/victron-gx-ess.json describes (no SunSpec)
  sdm630    the register map Plugins/Modbus/maps/eastron-sdm630.json describes (input registers, float32)
  block     125 holding registers at 0 (benchmark)

Register offsets are the SunSpec standard's (sunspec/models), written here independently of the driver's tables.
Commands on stdin, one per line, each answered on stdout:
  get ADDR COUNT      -> "regs v1 v2 ..."
  set ADDR V1 V2 ...  -> "ok"
  unit N              -> "ok" (get and set address unit N from now on; the first --unit until then)
  mute / unmute       -> "ok" (while muted, requests get no answer)
Prints "ready PORT" (TCP) or "ready" (RTU) once serving.
"""
import argparse
import asyncio
import struct
import sys

from pymodbus.simulator import DataType, SimData, SimDevice
from pymodbus.server import ModbusSerialServer, ModbusTcpServer
from pymodbus.exceptions import NoSuchIdException
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


def mppt(modules):
    """Model 160: DCA_SF -2, DCV_SF -1, DCW_SF 0, DCWH_SF 1, N, then one 20-register block per module."""
    values = {2: [s16(-2), s16(-1), 0, 1], 8: [len(modules)]}
    for index, module in enumerate(modules):
        at = 10 + 20 * index
        values[at] = [module["ID"]] + text(module["IDStr"], 8) + [module["DCA"], module["DCV"], module["DCW"]]
        values[at + 12] = u32(module["DCWH"]) + u32(module["Tms"]) + [module["Tmp"], module["DCSt"]] + u32(0)
    return (160, 8 + 20 * len(modules), values)


def volt_var(curves):
    """Model 705: NPt, NCrv, V_SF -1, DeptRef_SF -1, RspTms_SF 0, then per curve 10 registers and NPt (V, Var) pairs."""
    points = len(curves[0][2])
    values = {2: [1], 5: [points, len(curves)], 12: [s16(-1), s16(-1), 0]}
    at = 15
    for v_ref, response_s, pairs in curves:
        # ActPt, DeptRef (1: % VarMax), Pri, VRef, VRefAuto, VRefAutoEna, VRefAutoTms, RspTms (uint32), ReadOnly
        values[at] = [len(pairs), 1, 1, v_ref, v_ref, 0, 0] + u32(response_s) + [1]
        values[at + 10] = [word for pair in pairs for word in pair]
        at += 10 + 2 * points
    return (705, 13 + len(curves) * (10 + 2 * points), values)


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
            # 704: WMaxLimPct_SF 0, WSet_SF 0, PF_SF -3; its four sync groups (PF, Ext) at 59..66.
            (704, 65, {53: [s16(-3)], 54: [0], 55: [0], 59: [950, 1], 61: [1000, 0], 63: [900, 1], 65: [1000, 0]}),
            mppt([  # 160 with two modules; module 2 does not implement DCA
                {"ID": 1, "IDStr": "string A", "DCA": 812, "DCV": 4125, "DCW": 3350, "DCWH": 123456, "Tms": 3600,
                 "Tmp": s16(-5), "DCSt": 4},
                {"ID": 2, "IDStr": "string B", "DCA": 0xFFFF, "DCV": 3980, "DCW": 1150, "DCWH": 65600, "Tms": 3599,
                 "Tmp": 21, "DCSt": 4},
            ]),
            volt_var([  # 705 with two curves of three points (V % VNom x 10^-1, Var % x 10^-1)
                (1000, 10, [(920, 300), (1000, 0), (1080, s16(-300))]),
                (1010, 5, [(900, 440), (1000, 0), (1100, s16(-440))]),
            ]),
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
        image.put(840, [523, s16(-125), s16(-650), 77])  # 52.3 V (x 0.1), -12.5 A (x 0.1), -650 W, 77 %
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


async def silent(function_code, start_address, address, count, current_registers, set_values):
    # The server drops requests for a unit that "does not exist" (ignore_missing_devices).
    raise NoSuchIdException("no such unit on this line")


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
        elif parts[0] == "unit":
            STATE["unit"] = int(parts[1])
            print("ok", flush=True)


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--device", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--unit", type=int, action="append")
    parser.add_argument("--serial")
    parser.add_argument("--baud", type=int, default=19200)
    args = parser.parse_args()
    units = args.unit or [1]
    devices = []
    for unit in units:
        image = build(args.device)
        data = SimData(address=image.start, values=image.words(), datatype=DataType.REGISTERS)
        devices.append(SimDevice(id=unit, simdata=[data], action=action))
    # Id 0 is pymodbus's catch-all for every unit not given: every register exists, so each request reaches the
    # action that drops it, and nobody answers, as on a real line (a dead device on the bus).
    devices.append(SimDevice(id=0, simdata=[SimData(address=0, count=65536, values=0, datatype=DataType.REGISTERS)], action=silent))
    if args.serial:
        server = ModbusSerialServer(devices, framer=FramerType.RTU, port=args.serial, baudrate=args.baud, ignore_missing_devices=True)
    else:
        server = ModbusTcpServer(devices, address=("127.0.0.1", args.port), ignore_missing_devices=True)
    await server.serve_forever(background=True)
    STATE["context"], STATE["unit"] = server.context, units[0]
    if args.serial:
        print("ready", flush=True)
    else:
        port = server.transport.sockets[0].getsockname()[1] if hasattr(server.transport, "sockets") else args.port
        print(f"ready {port}", flush=True)
    await commands()


if __name__ == "__main__":
    asyncio.run(main())
