-- A sender restriction is for operator keys only (api-keys/dto/create-api-key.request.dto.ts): an admin key could
-- create itself an unrestricted key, so on an admin the restriction held nothing. Keys made before that rule keep
-- their restriction and lose the admin role, which is what their restriction asked for. SQLite twin of
-- ../postgres/061_restricted_api_keys_are_operators.sql: SQLite cannot add a CHECK to a table, so triggers keep it.
UPDATE api_key SET role = 'operator' WHERE role = 'admin' AND allowed_from_numbers IS NOT NULL;

CREATE TRIGGER api_key_restricted_keys_are_operators_insert BEFORE INSERT ON api_key
WHEN NEW.role = 'admin' AND NEW.allowed_from_numbers IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'api_key_restricted_keys_are_operators: a key restricted to sender numbers must be an operator');
END;

CREATE TRIGGER api_key_restricted_keys_are_operators_update BEFORE UPDATE OF role, allowed_from_numbers ON api_key
WHEN NEW.role = 'admin' AND NEW.allowed_from_numbers IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'api_key_restricted_keys_are_operators: a key restricted to sender numbers must be an operator');
END;
