#!/usr/bin/env python3
"""A BMS on an SLCAN serial line, for the CAN BMS driver tests: python-can (slcan interface) sends the frames,
cantools encodes them from the project's DBC file. It prints one line per 0x305 keep-alive it receives.

Modes:
  bms_peer.py describe --dbc FILE        print the DBC as JSON (frame ids, names, signals) for the table cross-check
  bms_peer.py values --dbc FILE          print what run sends without an alarm, as JSON: {"0x351": {"name": ...,
                                         "signals": {name: physical value}}} (what dsoctl can monitor must show)
  bms_peer.py run --port PTY --dbc FILE --protocol pylontech-v1.2|sma [--period S] [--duration S]
                  [--alarm-at S] [--silent-at S]
Output of run: "ready", then "keepalive <seconds since ready> <hex>" lines, then "done keepalives=<n> sent=<n>".
"""
import argparse
import json
import sys
import time

import can
import cantools

# The published v1.2 capture's values (setfirelabs.com), as physical values.
VALUES = {
    0x351: {"ChargeVoltageLimit": 53.2, "ChargeCurrentLimit": 480.0, "DischargeCurrentLimit": 480.0,
            "DischargeVoltageLimit": 45.0},
    0x355: {"StateOfCharge": 88, "StateOfHealth": 94, "StateOfChargeHighResolution": 88.25},
    0x356: {"Voltage": 49.86, "Current": -27.0, "Temperature": 36.3},
    0x359: {"ModuleCount": 6, "Marker": 0x4E50},
    0x35A: {"AlarmFlags": 0, "WarningFlags": 0},
    0x35C: {"ChargeEnable": 1, "DischargeEnable": 1},
    0x35E: {"Manufacturer": int.from_bytes(b"PYLON   ", "little")},
    0x35F: {"CellChemistry": 1, "HardwareVersion": 0x0102, "Capacity": 100, "SoftwareVersion": 0x0103},
}


def describe(dbc):
    db = cantools.database.load_file(dbc)
    out = []
    for message in db.messages:
        out.append({"id": message.frame_id, "name": message.name, "length": message.length, "signals": [
            {"name": s.name, "start": s.start, "length": s.length, "signed": s.is_signed, "scale": s.scale,
             "little_endian": s.byte_order == "little_endian"} for s in message.signals]})
    print(json.dumps(out))


def physical(message):
    """The physical values run sends in `message` without an alarm (as encode builds them)."""
    values = {s.name: 0 for s in message.signals}
    values.update({k: v for k, v in VALUES[message.frame_id].items() if k in values})
    return values


def sent_values(dbc):
    db = cantools.database.load_file(dbc)
    out = {}
    for message in db.messages:
        if message.frame_id == 0x305:
            continue
        out["0x%03X" % message.frame_id] = {"name": message.name, "signals": physical(message)}
    print(json.dumps(out))


def encode(db, frame_id, alarm):
    message = db.get_message_by_frame_id(frame_id)
    values = {s.name: 0 for s in message.signals}
    values.update({k: v for k, v in VALUES[frame_id].items() if k in values})
    if alarm and frame_id == 0x359:
        values["ProtectionOverTemperature"] = 1
    if alarm and frame_id == 0x35A:
        values["AlarmFlags"] = 0x08
    return message.encode(values, scaling=True, strict=True)


def run(args):
    db = cantools.database.load_file(args.dbc)
    ids = [m.frame_id for m in db.messages if m.frame_id != 0x305]
    bus = can.Bus(interface="slcan", channel=args.port, bitrate=500000, sleep_after_open=0)
    start = time.monotonic()
    print("ready", flush=True)
    keepalives = sent = 0
    next_send = start
    try:
        while time.monotonic() - start < args.duration:
            now = time.monotonic() - start
            if time.monotonic() >= next_send:
                next_send += args.period
                if args.silent_at is None or now < args.silent_at:
                    alarm = args.alarm_at is not None and now >= args.alarm_at
                    for frame_id in ids:
                        bus.send(can.Message(arbitration_id=frame_id, is_extended_id=False,
                                             data=encode(db, frame_id, alarm)))
                        sent += 1
            message = bus.recv(timeout=0.01)
            if message is not None and message.arbitration_id == 0x305:
                keepalives += 1
                print(f"keepalive {time.monotonic() - start:.3f} {message.data.hex()} dlc={message.dlc}", flush=True)
    finally:
        bus.shutdown()
    print(f"done keepalives={keepalives} sent={sent}", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["describe", "values", "run"])
    parser.add_argument("--dbc", required=True)
    parser.add_argument("--port")
    parser.add_argument("--period", type=float, default=0.1)
    parser.add_argument("--duration", type=float, default=5.0)
    parser.add_argument("--alarm-at", type=float)
    parser.add_argument("--silent-at", type=float)
    args = parser.parse_args()
    if args.mode == "describe":
        describe(args.dbc)
    elif args.mode == "values":
        sent_values(args.dbc)
    else:
        run(args)


if __name__ == "__main__":
    sys.exit(main())
