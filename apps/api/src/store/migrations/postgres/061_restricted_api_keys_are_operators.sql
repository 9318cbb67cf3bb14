-- A sender restriction is for operator keys only (api-keys/dto/create-api-key.request.dto.ts): an admin key could
-- create itself an unrestricted key, so on an admin the restriction held nothing. Keys made before that rule keep
-- their restriction and lose the admin role, which is what their restriction asked for; the check keeps it so.
UPDATE api_key SET role = 'operator' WHERE role = 'admin' AND allowed_from_numbers IS NOT NULL;
ALTER TABLE api_key ADD CONSTRAINT api_key_restricted_keys_are_operators CHECK (role = 'operator' OR allowed_from_numbers IS NULL);
