keyhub.locks.lock_door(device_id="4a9f2c7e-1d3b-4e85-b6a0-7c2d9e1f3b54")
