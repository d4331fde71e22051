import { Text } from '@enforcement-link/protocol';

export class AssignTaskDto {
  /** The handler at this court who works on the task, by name or staff id. */
  @Text(100)
  assignee: string;
}
