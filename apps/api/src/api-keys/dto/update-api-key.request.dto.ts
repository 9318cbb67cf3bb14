import { CallbackUrlProperty } from '../../system-callbacks/callback-url.property';

/** `PATCH /api/v1/api-keys/:id`: what may change on a key (its name, role and numbers are what it was made for). */
export class UpdateApiKeyRequestDto {
  @CallbackUrlProperty('The new callback URL; null stops the key’s callbacks (those already queued are still sent); absent = unchanged.', {
    nullable: true,
  })
  callbackUrl?: string | null;
}
