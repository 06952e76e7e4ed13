keyhub.spaces.create(
  name: "Harbor View Suite 12",
  space_type: "unit",
  space_key: "hv-suite-12",
  time_zone: "Europe/Lisbon",
  device_ids: ["4a9f2c7e-1d3b-4e85-b6a0-7c2d9e1f3b54"],
)
