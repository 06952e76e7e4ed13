keyhub.action_attempts.list(
    action_attempt_ids=[
        "5d3f8a2c-0b6e-4c91-9e47-a2b8d1f6c073",
        "f0a6c3d9-8e21-4b57-a3c4-6d9e2b1f8a50",
    ]
)
