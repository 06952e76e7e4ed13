keyhub.spaces.add_device(
  space_id: "1b7e9a30-6c52-4f18-a0d4-93e2c5b7f861",
  device_id: "c53e8b1a-7f24-4d96-8a0b-2e6c4f9d1a37",
)
