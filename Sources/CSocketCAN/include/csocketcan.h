/* SocketCAN for Swift: <linux/can.h> frames and CAN_RAW sockets, with the few helpers Glibc lacks. */
#ifndef OPENDSO_CSOCKETCAN_H
#define OPENDSO_CSOCKETCAN_H

#include <linux/can.h>
#include <linux/can/error.h>
#include <linux/can/raw.h>
#include <stdint.h>

/* Opens a CAN_RAW socket bound to `interface_name`, receiving only standard frames whose id is in
 * `ids[0..<id_count]` (all frames when id_count is 0) and, when `error_frames` is non-zero, every error
 * frame. Returns the descriptor (non-blocking), or -errno. */
int csocketcan_open_raw(const char *interface_name, const uint32_t *ids, int id_count, int error_frames);

/* Receives one 16-byte can_frame without blocking: 1 and the frame, 0 when none is waiting, or -errno.
 * `id` keeps the CAN_EFF/RTR/ERR flags; `data` receives 8 bytes. */
int csocketcan_receive(int fd, uint32_t *id, uint8_t *dlc, uint8_t *data);

/* Sends one classic frame (dlc <= 8) without blocking: 1 when sent, 0 when the queue is full, or -errno. */
int csocketcan_send(int fd, uint32_t id, uint8_t dlc, const uint8_t *data);

/* sizeof(struct can_frame), for the tests' peer. */
int csocketcan_frame_size(void);

#endif
