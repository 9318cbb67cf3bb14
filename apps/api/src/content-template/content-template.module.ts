import { Module } from '@nestjs/common';
import { ContentTemplateCatalog, ListContentTemplates } from '@flex-sms/domain';
import { OutboundModule } from '../outbound/outbound.module';
import { ContentTemplateController } from './content-template.http.controller';

/** `GET /api/v1/content-templates`, over the catalog the sends check templates against. */
@Module({
  imports: [OutboundModule],
  controllers: [ContentTemplateController],
  providers: [
    {
      provide: ListContentTemplates,
      useFactory: (catalog: ContentTemplateCatalog) => new ListContentTemplates(catalog),
      inject: [ContentTemplateCatalog],
    },
  ],
})
export class ContentTemplateModule {}
