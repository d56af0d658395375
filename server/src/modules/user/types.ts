import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { Role } from '../../common/enums';

@ObjectType('UserRef', { simpleResolvers: true })
export class UserRefGql {
  @Field(() => Int)
  id!: number;
  @Field()
  username!: string;
  @Field()
  displayName!: string;
}

@ObjectType('RoleGrant')
export class RoleGrantGql {
  @Field(() => Role)
  role!: Role;
  @Field(() => Int, { nullable: true })
  kanwilId!: number | null;
  @Field(() => Int, { nullable: true })
  satkerId!: number | null;
  @Field(() => Int, { nullable: true, description: 'Scope: every Kanwil of this instansi' })
  instansiId!: number | null;
  @Field(() => Int, { nullable: true, description: 'Scope: every Kanwil of this Eselon I unit' })
  eselonId!: number | null;
}

@ObjectType('User')
export class UserGql {
  @Field(() => Int)
  id!: number;
  @Field()
  username!: string;
  @Field()
  displayName!: string;
  @Field()
  locale!: string;
  @Field(() => String, { nullable: true, description: 'Address for e-mail notifications' })
  email!: string | null;
  @Field()
  active!: boolean;
  @Field({ description: 'Holds a temporary password: must change it before doing anything else' })
  mustChangePassword!: boolean;
  @Field(() => [RoleGrantGql])
  roles!: RoleGrantGql[];
}

@ObjectType('TemporaryPassword', { description: 'A password reset by an admin: shown once, never stored in clear' })
export class TemporaryPasswordGql {
  @Field(() => UserGql)
  user!: UserGql;
  @Field({ description: 'The temporary password to hand to the user; they must change it at their next sign-in' })
  temporaryPassword!: string;
}

@InputType('RoleGrantInput')
export class RoleGrantInput {
  @Field(() => Role)
  role!: Role;
  @Field(() => Int, { nullable: true, description: 'KANWIL_HEAD needs one of kanwilId, instansiId, eselonId; VIEWER one of those or a satkerId' })
  kanwilId?: number | null;
  @Field(() => Int, { nullable: true, description: 'Required for COORDINATOR' })
  satkerId?: number | null;
  @Field(() => Int, { nullable: true, description: 'KANWIL_HEAD / VIEWER of every Kanwil of the instansi' })
  instansiId?: number | null;
  @Field(() => Int, { nullable: true, description: 'KANWIL_HEAD / VIEWER of every Kanwil of the Eselon I unit' })
  eselonId?: number | null;
}

@InputType('CreateUserInput')
export class CreateUserInput {
  @Field()
  @MaxLength(100)
  username!: string;
  @Field()
  @MaxLength(200)
  displayName!: string;
  @Field()
  @MaxLength(200)
  password!: string;
  @Field(() => String, { nullable: true, description: 'id (default) or en' })
  locale?: string | null;
  @Field(() => String, { nullable: true, description: 'Address for e-mail notifications' })
  @MaxLength(254)
  email?: string | null;
  @Field(() => [RoleGrantInput])
  roles!: RoleGrantInput[];
}

@InputType('UpdateUserInput')
export class UpdateUserInput {
  @Field(() => String, { nullable: true })
  @MaxLength(200)
  displayName?: string | null;
  @Field(() => String, { nullable: true })
  locale?: string | null;
  @Field(() => String, { nullable: true, description: 'Address for e-mail notifications ("" clears it)' })
  @MaxLength(254)
  email?: string | null;
  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
  @Field(() => [RoleGrantInput], { nullable: true, description: 'Replaces every role assignment when given' })
  roles?: RoleGrantInput[] | null;
  @Field(() => String, { nullable: true, description: 'Admin reset of the password (temporary: the user must change it at the next sign-in)' })
  @MaxLength(200)
  password?: string | null;
}
