#include "csocketcan.h"

#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int csocketcan_open_raw(const char *interface_name, const uint32_t *ids, int id_count, int error_frames) {
    int fd = socket(PF_CAN, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, CAN_RAW);
    if (fd < 0) return -errno;
    unsigned int index = if_nametoindex(interface_name);
    if (index == 0) { int e = errno; close(fd); return -e; }
    if (id_count > 0) {
        struct can_filter *filters = calloc((size_t)id_count, sizeof(struct can_filter));
        if (!filters) { close(fd); return -ENOMEM; }
        for (int i = 0; i < id_count; i++) {
            filters[i].can_id = ids[i] & CAN_SFF_MASK;
            filters[i].can_mask = CAN_SFF_MASK | CAN_EFF_FLAG | CAN_RTR_FLAG;
        }
        int rc = setsockopt(fd, SOL_CAN_RAW, CAN_RAW_FILTER, filters, (socklen_t)(sizeof(struct can_filter) * (size_t)id_count));
        free(filters);
        if (rc < 0) { int e = errno; close(fd); return -e; }
    }
    if (error_frames) {
        can_err_mask_t mask = CAN_ERR_MASK;
        if (setsockopt(fd, SOL_CAN_RAW, CAN_RAW_ERR_FILTER, &mask, sizeof(mask)) < 0) { int e = errno; close(fd); return -e; }
    }
    struct sockaddr_can address;
    memset(&address, 0, sizeof(address));
    address.can_family = AF_CAN;
    address.can_ifindex = (int)index;
    if (bind(fd, (struct sockaddr *)&address, sizeof(address)) < 0) { int e = errno; close(fd); return -e; }
    return fd;
}

int csocketcan_receive(int fd, uint32_t *id, uint8_t *dlc, uint8_t *data) {
    struct can_frame frame;
    ssize_t n = recv(fd, &frame, sizeof(frame), MSG_DONTWAIT);
    if (n < 0) return (errno == EAGAIN || errno == EWOULDBLOCK) ? 0 : -errno;
    if (n == 0) return -EPIPE; /* the peer closed (socketpair) */
    if ((size_t)n < sizeof(frame)) return -EMSGSIZE;
    *id = frame.can_id;
    *dlc = frame.len > 8 ? 8 : frame.len;
    memcpy(data, frame.data, 8);
    return 1;
}

int csocketcan_send(int fd, uint32_t id, uint8_t dlc, const uint8_t *data) {
    struct can_frame frame;
    memset(&frame, 0, sizeof(frame));
    frame.can_id = id;
    frame.len = dlc > 8 ? 8 : dlc;
    memcpy(frame.data, data, frame.len);
    ssize_t n = send(fd, &frame, sizeof(frame), MSG_DONTWAIT | MSG_NOSIGNAL);
    if (n < 0) return (errno == EAGAIN || errno == EWOULDBLOCK || errno == ENOBUFS) ? 0 : -errno;
    return 1;
}

int csocketcan_frame_size(void) { return (int)sizeof(struct can_frame); }
