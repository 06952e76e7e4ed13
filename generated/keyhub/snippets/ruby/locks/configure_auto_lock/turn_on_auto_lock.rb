keyhub.locks.configure_auto_lock(
  device_id: "c53e8b1a-7f24-4d96-8a0b-2e6c4f9d1a37",
  auto_lock_enabled: true,
  auto_lock_delay_seconds: 30,
)
