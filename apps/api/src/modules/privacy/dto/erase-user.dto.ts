import type { EraseUserRequest } from '@treffpunkt/contracts';
import { IsString, Length } from 'class-validator';

export class EraseUserDto implements EraseUserRequest {
  /** The person's current handle, typed by the admin. */
  @IsString()
  @Length(1, 60)
  confirm!: string;
}
