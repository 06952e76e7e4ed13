keyhub.spaces.add_devices(
    space_id="8d2c4e1f-3a5b-4c6d-9e7f-0a1b2c3d4e5f",
    device_ids=[
        "4a9f2c7e-1d3b-4e85-b6a0-7c2d9e1f3b54",
        "c53e8b1a-7f24-4d96-8a0b-2e6c4f9d1a37",
    ],
)
