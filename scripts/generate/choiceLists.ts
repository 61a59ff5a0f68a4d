/**
 * The choice lists of visible pre-chat choice-list fields (Metadata API ChoiceList, WSDL 66): one
 * per attribute with `choices`, named like the attribute's channel parameter, values in config order.
 * The deployment's form field names it in `choiceList` (embeddedServiceConfig.ts).
 */
import { el, leaf, renderXml, root } from '../xml/write';
import { CHOICE_VALUE_LABEL_KEY } from './assumptions';
import type { Generator } from './types';
import { GENERATED_BY } from './values';

export const generate: Generator = (model) =>
  model.attributes
    .filter((a) => a.choiceList && !a.hidden)
    .map((a) => {
      const list = a.choiceList!;
      return {
        path: `ChoiceList/${list.name}.ChoiceList-meta.xml`,
        content: renderXml(
          root('ChoiceList', [
            ...list.values.map((v, i) =>
              el(
                'choiceListValue',
                el(
                  'embeddedServiceCustomLabels',
                  leaf('customLabel', v.label),
                  leaf('feature', 'EmbeddedMessaging'),
                  leaf('labelKey', CHOICE_VALUE_LABEL_KEY)
                ),
                leaf('isDefaultValue', v.isDefault),
                leaf('order', i + 1),
                leaf('valueName', v.value)
              )
            ),
            leaf('description', `Choices of the pre-chat field ${a.label}. ${GENERATED_BY}`),
            leaf('masterLabel', a.label)
          ])
        )
      };
    });
