$keyhub->action_attempts->get(
    action_attempt_id: "f0a6c3d9-8e21-4b57-a3c4-6d9e2b1f8a50",
);
