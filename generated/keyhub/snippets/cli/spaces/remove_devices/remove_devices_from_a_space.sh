keyhub spaces remove-devices --space_id "8d2c4e1f-3a5b-4c6d-9e7f-0a1b2c3d4e5f" --device_ids ["c53e8b1a-7f24-4d96-8a0b-2e6c4f9d1a37"]
